using Tracker.Engine.Instruments;
using Tracker.Engine.Panels;
using Tracker.Engine.Responses;
using Tracker.Engine.Scoring;

namespace Tracker.Engine.Tests.Exports;

/// <summary>A small default-instrument panel and responses built the way the form stores them.</summary>
internal static class ExportSamples
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    public static Panel Panel(int waves = 3, Instrument? instrument = null) => new(
        "pABCDEFGHJKL",
        "Short-video co-creation study",
        instrument ?? DefaultInstrument.Instance,
        new WaveSchedule(Start, waves, TimeSpan.FromDays(7), TimeSpan.FromDays(5)),
        "Europe/Berlin",
        Start.AddDays(-3));

    public static StoredResponse Response(string participant, int wave, int answer, TimeSpan afterOpening, Instrument? instrument = null)
    {
        var used = instrument ?? DefaultInstrument.Instance;
        var answers = used.Items.ToDictionary(i => i.Id, _ => answer);
        var scores = ConstructScorer.Score(used, answers);
        var at = Start + (wave - 1) * TimeSpan.FromDays(7) + afterOpening;
        return new StoredResponse("pABCDEFGHJKL", wave, participant, answers, scores, at, at, 1);
    }

    public static List<string[]> ReadCsv(string text) =>
        text.TrimEnd('\r', '\n').Split("\r\n").Select(line => line.Split(',')).ToList();
}
