using Tracker.Engine.Common;
using Tracker.Engine.Panels;
using Tracker.Model.Models;
using Tracker.Model.Time;

namespace Tracker.Engine.Exports;

/// <summary>
/// Everything needed to read the exports without Tracker: the instrument (constructs, item wording, reverse keys,
/// scale labels), the scoring rule, the schedule and every file's columns with their types.
/// </summary>
public sealed record Codebook(
    CodebookPanel Panel,
    CodebookInstrument Instrument,
    CodebookSchedule Schedule,
    string Scoring,
    string Days,
    string Outcome,
    string GrowthFormula,
    IReadOnlyDictionary<string, IReadOnlyList<ExportColumn>> Files)
{
    public static Codebook For(Panel panel, DateTimeOffset generatedAt)
    {
        var instrument = panel.Instrument;
        var scale = instrument.Scale;
        return new Codebook(
            new CodebookPanel(panel.Id, panel.Name, panel.DefaultTimeZone, panel.CreatedAt, generatedAt),
            new CodebookInstrument(
                instrument.Id,
                instrument.Title,
                instrument.Language,
                new CodebookScale(scale.Min, scale.Max, Enumerable.Range(scale.Min, scale.Max - scale.Min + 1)
                    .Select((value, i) => new CodebookScalePoint(value, i < scale.Labels.Count ? scale.Labels[i] : "")).ToList()),
                instrument.Constructs.Select(c => new CodebookConstruct(c.Id, c.Name, c.Layer, c.Id,
                    c.Items.Select(i => new CodebookItem(i.Id, i.Text, i.Reversed)).ToList())).ToList()),
            new CodebookSchedule(
                panel.Schedule.Start,
                panel.Schedule.Waves,
                IsoDuration.Format(panel.Schedule.Interval),
                IsoDuration.Format(panel.Schedule.Window),
                Enumerable.Range(1, panel.Schedule.Waves).Select(w => new CodebookWave(w, panel.Schedule.OpensAt(w), panel.Schedule.ClosesAt(w))).ToList()),
            $"A construct score is the mean of its items after reverse-keying (reversed answer = {scale.Min} + {scale.Max} − answer), present when at least two thirds of its items are answered.",
            ModelTimeAxis.Definition(),
            ExportColumns.Outcome(instrument),
            WillingnessFormula.Growth(ExportColumns.Outcome(instrument)),
            new Dictionary<string, IReadOnlyList<ExportColumn>>
            {
                [ExportFormats.FileName(ExportFormat.LongCsv)] = ExportColumns.LongCsv(instrument, panel.Careless.Thresholds),
                [ExportFormats.FileName(ExportFormat.WideCsv)] = ExportColumns.WideCsv(instrument, panel.Schedule.Waves),
                [ExportFormats.FileName(ExportFormat.ItemsCsv)] = ExportColumns.ItemsCsv(instrument, panel.Careless.Thresholds),
            });
    }
}

public sealed record CodebookPanel(string Id, string Name, string TimeZone, DateTimeOffset CreatedAt, DateTimeOffset GeneratedAt);

public sealed record CodebookInstrument(string Id, string Title, string Language, CodebookScale Scale, IReadOnlyList<CodebookConstruct> Constructs);

public sealed record CodebookScale(int Min, int Max, IReadOnlyList<CodebookScalePoint> Labels);

public sealed record CodebookScalePoint(int Value, string Label);

public sealed record CodebookConstruct(string Id, string Name, string Layer, string ScoreColumn, IReadOnlyList<CodebookItem> Items);

public sealed record CodebookItem(string Id, string Text, bool Reversed);

public sealed record CodebookSchedule(DateTimeOffset Start, int Waves, string Interval, string Window, IReadOnlyList<CodebookWave> WaveWindows);

public sealed record CodebookWave(int Number, DateTimeOffset OpensAt, DateTimeOffset ClosesAt);
