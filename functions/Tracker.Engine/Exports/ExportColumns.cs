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
        .. AnswerColumns(instrument),
        .. CarelessColumns.For(thresholds ?? CarelessThresholds.Default),
    ];

    /// <summary>Names a question id may not take, since the exports' own columns have them (and <c>careless_…</c>).</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        ParticipantId, Wave, Days, SubmittedAt, "complete", CarelessColumns.SecondsToSubmit,
    };

    public static bool IsReserved(string id) => Reserved.Contains(id) || id.StartsWith("careless_", StringComparison.Ordinal);

    /// <summary>
    /// Every construct item and question in form order (page by page), each answer as given: a construct item as its
    /// scale point; a choice as its code, several chosen as codes in choice order joined by <c>;</c>; a number in
    /// invariant culture; a date as yyyy-MM-dd; text as typed.
    /// </summary>
    private static IEnumerable<ExportColumn> AnswerColumns(Instrument instrument)
    {
        var items = instrument.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var constructs = instrument.Constructs.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in instrument.FormPages)
        {
            foreach (var entry in page.Items)
            {
                if (entry.Question is { } question)
                {
                    yield return new(question.Id, QuestionColumnType(question), QuestionDescription(question, page));
                }
                else if (entry.Construct is { } id && constructs.TryGetValue(id, out var construct))
                {
                    foreach (var item in construct.Items.Where(i => listed.Add(i.Id)))
                    {
                        yield return ItemColumn(instrument, items[item.Id]);
                    }
                }
            }
        }
    }

    private static ExportColumn ItemColumn(Instrument instrument, Item i) => new(i.Id, "integer",
        $"answer as given, {instrument.Scale.Min}–{instrument.Scale.Max}" + (i.Reversed ? "; reverse-keyed: score as " + instrument.Scale.Min.ToString(System.Globalization.CultureInfo.InvariantCulture) + " + " + instrument.Scale.Max.ToString(System.Globalization.CultureInfo.InvariantCulture) + " − answer" : "") + (i.Required ? "" : "; optional") + $": \"{i.Text}\"");

    /// <summary>The CSV type of a question's column: choices and text are strings, numbers numbers, dates dates.</summary>
    public static string QuestionColumnType(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Type switch
        {
            QuestionType.Number => question.WholeNumbers ? "integer" : "number",
            QuestionType.Date => "date",
            _ => "string",
        };
    }

    private static string QuestionDescription(Question question, Page page)
    {
        var type = QuestionTypeJsonConverter.Name(question.Type);
        var parts = new List<string> { $"{type} question on page {page.Id}" };
        if (question.Type == QuestionType.SingleChoice) parts.Add("the chosen code: " + string.Join(", ", question.Choices.Select(c => $"{c.Code} = {c.Label}")));
        if (question.Type == QuestionType.MultipleChoice) parts.Add("the chosen codes in choice order joined by ';': " + string.Join(", ", question.Choices.Select(c => $"{c.Code} = {c.Label}")));
        if (question.Type == QuestionType.Number && (question.Min is not null || question.Max is not null)) parts.Add($"from {question.Min?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "−∞"} to {question.Max?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "∞"}");
        if (question.Type == QuestionType.Date) parts.Add("yyyy-MM-dd");
        if (Waves(question, page) is { } waves) parts.Add("asked in wave(s) " + string.Join(", ", waves));
        if (page.Condition is { } pageCondition) parts.Add($"page shown when {pageCondition}");
        if (question.Condition is { } condition) parts.Add($"shown when {condition}");
        if (!question.Required) parts.Add("optional");
        return string.Join("; ", parts) + $": \"{question.Text}\"";
    }

    /// <summary>The waves a question is asked in: its page's and its own, intersected; null for every wave.</summary>
    public static IReadOnlyList<int>? Waves(Question question, Page page)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(page);
        return page.Waves is null ? question.Waves : question.Waves is null ? page.Waves : [.. page.Waves.Intersect(question.Waves)];
    }

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
