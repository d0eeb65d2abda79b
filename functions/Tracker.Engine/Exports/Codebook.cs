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
    private static int AnswerLimit(Instruments.Question question) => Forms.AnswerParser.MaxLength(question);

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
                    c.Items.Select(i => new CodebookItem(i.Id, i.Text, i.Reversed) { Required = i.Required }).ToList())
                    { Page = instrument.FormPages.FirstOrDefault(p => p.Items.Any(e => e.Construct == c.Id))?.Id }).ToList())
            {
                Languages = panel.Languages,
                Pages = [.. instrument.FormPages.Select(p => new CodebookPage(p.Id, p.Title, p.Waves, p.Condition,
                    [.. p.Items.Select(e => e.Question?.Id ?? e.Construct ?? "")]))],
                Questions = [.. instrument.FormPages.SelectMany(p => p.Items.Select(e => e.Question).OfType<Instruments.Question>().Select(q => new CodebookQuestion(
                    q.Id, Instruments.QuestionTypeJsonConverter.Name(q.Type), q.Text, p.Id, q.Required, ExportColumns.Waves(q, p), q.Condition,
                    [.. q.Choices.Select(c => new CodebookChoice(c.Code, c.Label))], q.Min, q.Max, q.Type == Instruments.QuestionType.Number ? q.WholeNumbers : null,
                    q.Type is Instruments.QuestionType.ShortText or Instruments.QuestionType.LongText ? AnswerLimit(q) : null)))],
            },
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

public sealed record CodebookInstrument(string Id, string Title, string Language, CodebookScale Scale, IReadOnlyList<CodebookConstruct> Constructs)
{
    /// <summary>The panel's languages, the default first; the instrument's texts here are in <see cref="Language"/>.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    public IReadOnlyList<CodebookPage> Pages { get; init; } = [];

    public IReadOnlyList<CodebookQuestion> Questions { get; init; } = [];
}

/// <summary>A page of the form: its entries (question ids and construct ids) in order; waves null for every wave; condition null for always shown.</summary>
public sealed record CodebookPage(string Id, string? Title, IReadOnlyList<int>? Waves, string? Condition, IReadOnlyList<string> Entries);

/// <summary>A question beside the construct items, as the items export holds it; waves are its page's and its own together.</summary>
public sealed record CodebookQuestion(
    string Id, string Type, string Text, string Page, bool Required, IReadOnlyList<int>? Waves, string? Condition,
    IReadOnlyList<CodebookChoice> Choices, double? Min, double? Max, bool? WholeNumbers, int? MaxLength);

public sealed record CodebookChoice(string Code, string Label);

public sealed record CodebookScale(int Min, int Max, IReadOnlyList<CodebookScalePoint> Labels);

public sealed record CodebookScalePoint(int Value, string Label);

public sealed record CodebookConstruct(string Id, string Name, string Layer, string ScoreColumn, IReadOnlyList<CodebookItem> Items)
{
    /// <summary>The page its items are on.</summary>
    public string? Page { get; init; }
}

public sealed record CodebookItem(string Id, string Text, bool Reversed)
{
    public bool Required { get; init; } = true;
}

public sealed record CodebookSchedule(DateTimeOffset Start, int Waves, string Interval, string Window, IReadOnlyList<CodebookWave> WaveWindows);

public sealed record CodebookWave(int Number, DateTimeOffset OpensAt, DateTimeOffset ClosesAt);
