using Tracker.Analysis.Careless;
using Tracker.Engine.Instruments;
using Tracker.Model.Time;

namespace Tracker.Engine.Exports;

/// <summary>The columns of each CSV export, in order. Writers and the codebook both read them here, so they cannot disagree.</summary>
public static class ExportColumns
{
    public const string ParticipantId = "participant_id";
    public const string Wave = "wave";
    public const string Days = ModelTimeAxis.Column;
    public const string SubmittedAt = "submitted_at";
    public const string Complete = "complete";

    private const string CompleteDescription = "1 when the participant submitted the wave's last page, 0 for a partial response (pages saved as they moved on, the last never submitted: scores cover only the pages answered)";

    /// <summary>The construct the models track: <c>willingness</c> when the instrument has it, otherwise its last construct (the outcome end of the chain).</summary>
    public static string Outcome(Instrument instrument) =>
        instrument.Constructs.Any(c => c.Id == "willingness") ? "willingness" : instrument.Constructs[^1].Id;

    /// <param name="thresholds">The panel's careless-answer thresholds, which the codebook quotes; the defaults when not given.</param>
    public static IReadOnlyList<ExportColumn> LongCsv(Instrument instrument, CarelessThresholds? thresholds = null) =>
    [
        new(ParticipantId, "string", "pseudonymous participant id (16 characters); no contact data is ever exported"),
        new(Wave, "integer", "wave number, from 1"),
        new(Days, "number", ModelTimeAxis.Definition()),
        new(SubmittedAt, "datetime", "when the answers in this row were last submitted, UTC, ISO-8601 (yyyy-MM-ddTHH:mm:ss.fffZ)"),
        .. instrument.Constructs.Select(c => new ExportColumn(c.Id, "number", ScoreDescription(instrument, c))),
        .. CarelessColumns.For(thresholds ?? CarelessThresholds.Default),

        // Appended, like every column added later, so the earlier columns keep their positions.
        new(Complete, "integer", CompleteDescription),
    ];

    public static IReadOnlyList<ExportColumn> WideCsv(Instrument instrument, int waves) =>
    [
        new(ParticipantId, "string", "pseudonymous participant id; every enrolled participant has a row, answered or not"),
        .. Enumerable.Range(1, waves).SelectMany(w => WideWave(instrument, w)),
        .. Enumerable.Range(1, waves).Select(w => new ExportColumn(WideName(Complete, w), "integer", $"wave {w}: {CompleteDescription}; empty when not answered")),
    ];

    public static IReadOnlyList<ExportColumn> ItemsCsv(Instrument instrument, CarelessThresholds? thresholds = null) =>
    [
        new(ParticipantId, "string", "pseudonymous participant id"),
        new(Wave, "integer", "wave number, from 1"),
        new(Days, "number", ModelTimeAxis.Definition()),
        new(SubmittedAt, "datetime", "when the answers were last submitted, UTC, ISO-8601"),
        .. instrument.Items.Select(i => new ExportColumn(i.Id, "integer",
            $"answer as given, {instrument.Scale.Min}–{instrument.Scale.Max}" + (i.Reversed ? "; reverse-keyed: score as " + instrument.Scale.Min.ToString(System.Globalization.CultureInfo.InvariantCulture) + " + " + instrument.Scale.Max.ToString(System.Globalization.CultureInfo.InvariantCulture) + " − answer" : "") + $": \"{i.Text}\"")),
        .. CarelessColumns.For(thresholds ?? CarelessThresholds.Default),
    ];

    public static string WideName(string column, int wave) => $"{column}_w{wave.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private static IEnumerable<ExportColumn> WideWave(Instrument instrument, int wave)
    {
        yield return new(WideName(Days, wave), "number", $"wave {wave}: {ModelTimeAxis.Definition()}; empty when not answered");
        yield return new(WideName(SubmittedAt, wave), "datetime", $"wave {wave}: when submitted, UTC, ISO-8601; empty when not answered");
        foreach (var construct in instrument.Constructs)
        {
            yield return new(WideName(construct.Id, wave), "number", $"wave {wave}: " + ScoreDescription(instrument, construct));
        }
    }

    private static string ScoreDescription(Instrument instrument, Construct construct) =>
        $"{construct.Name}: mean of items {string.Join(", ", construct.Items.Select(i => i.Id))} after reverse-keying, on {instrument.Scale.Min}–{instrument.Scale.Max}; empty when fewer than two thirds of them were answered";
}
