using System.Globalization;
using System.Text;

namespace Tracker.Engine.Exports;

/// <summary>The codebook as Markdown, for people: tables of constructs, items, scale labels, schedule and columns.</summary>
public static class CodebookMarkdownWriter
{
    public static string Render(Codebook codebook)
    {
        var md = new StringBuilder();
        md.Append("# Codebook: ").AppendLine(Cell(codebook.Panel.Name)).AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Panel `{codebook.Panel.Id}`, instrument `{Cell(codebook.Instrument.Id)}` ({Cell(codebook.Instrument.Title)}, language `{Cell(codebook.Instrument.Language)}`). Generated {CsvCells.Timestamp(codebook.Panel.GeneratedAt)}.").AppendLine();
        if (codebook.Instrument.Languages.Count > 0)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"Languages: {string.Join(", ", codebook.Instrument.Languages.Select(l => $"`{Cell(l)}`"))} (the first is the default). Wording below is in `{Cell(codebook.Instrument.Language)}`; answers and codes do not depend on the language a participant read.").AppendLine();
        }

        md.AppendLine("## Schedule").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{codebook.Schedule.Waves} waves from {CsvCells.Timestamp(codebook.Schedule.Start)}, one every {codebook.Schedule.Interval}, each open for {codebook.Schedule.Window}. Times are UTC; participants' default time zone is {Cell(codebook.Panel.TimeZone)}.").AppendLine();
        md.AppendLine("| wave | opens (UTC) | closes (UTC) |").AppendLine("|---:|---|---|");
        foreach (var wave in codebook.Schedule.WaveWindows)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {wave.Number} | {CsvCells.Timestamp(wave.OpensAt)} | {CsvCells.Timestamp(wave.ClosesAt)} |");
        }

        md.AppendLine().AppendLine("## Response scale").AppendLine();
        md.AppendLine("| value | label |").AppendLine("|---:|---|");
        foreach (var point in codebook.Instrument.Scale.Labels)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {point.Value} | {Cell(point.Label)} |");
        }

        md.AppendLine().AppendLine("## Constructs and items").AppendLine();
        md.AppendLine(Cell(codebook.Scoring)).AppendLine();
        foreach (var construct in codebook.Instrument.Constructs)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### `{Cell(construct.Id)}`: {Cell(construct.Name)}").AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Layer: {Cell(construct.Layer)}. Score column: `{Cell(construct.ScoreColumn)}`.").AppendLine();
            md.AppendLine("| item | wording | reverse-keyed |").AppendLine("|---|---|---|");
            foreach (var item in construct.Items)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| `{Cell(item.Id)}` | {Cell(item.Text)} | {(item.Reversed ? "yes" : "no")} |");
            }

            md.AppendLine();
        }

        Pages(md, codebook.Instrument);
        Questions(md, codebook.Instrument.Questions);

        md.AppendLine("## Time").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"`days`: {Cell(codebook.Days)}.").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Tracked outcome: `{Cell(codebook.Outcome)}`; growth model `{codebook.GrowthFormula}` (REML).").AppendLine();

        foreach (var (file, columns) in codebook.Files)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"## Columns of `{file}`").AppendLine();
            md.AppendLine("| column | type | meaning |").AppendLine("|---|---|---|");
            foreach (var column in columns)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| `{Cell(column.Name)}` | {column.Type} | {Cell(column.Description)} |");
            }

            md.AppendLine();
        }

        md.AppendLine("CSV files: UTF-8 without BOM, comma-separated, header row, empty cell = missing. A text cell that would start with = + - @, a tab or a carriage return is prefixed with ' so spreadsheets do not run it as a formula.");
        return md.ToString();
    }

    private static void Pages(StringBuilder md, CodebookInstrument instrument)
    {
        md.AppendLine("## Pages").AppendLine();
        md.AppendLine("Pages are shown in this order; a page or question with a condition is shown only when the condition holds on earlier answers of the same wave (hidden ones are never asked and left empty).").AppendLine();
        md.AppendLine("| page | title | waves | condition | entries |").AppendLine("|---|---|---|---|---|");
        foreach (var page in instrument.Pages)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{Cell(page.Id)}` | {Cell(page.Title)} | {WaveList(page.Waves)} | {Code(page.Condition)} | {string.Join(", ", page.Entries.Select(e => $"`{Cell(e)}`"))} |");
        }

        md.AppendLine();
    }

    private static void Questions(StringBuilder md, IReadOnlyList<CodebookQuestion> questions)
    {
        if (questions.Count == 0) return;
        md.AppendLine("## Questions").AppendLine();
        md.AppendLine("Stored as answered in `items.csv`: a choice as its code, several chosen as codes in choice order joined by `;`, a number as given, a date as yyyy-MM-dd, text as typed.").AppendLine();
        md.AppendLine("| question | type | page | waves | condition | required | choices (code = label) / range | wording |").AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var q in questions)
        {
            var details = q.Choices.Count > 0 ? string.Join("; ", q.Choices.Select(c => $"`{Cell(c.Code)}` = {Cell(c.Label)}"))
                : q.Type == "number" ? $"{Bound(q.Min, "−∞")} to {Bound(q.Max, "∞")}{(q.WholeNumbers == true ? ", whole numbers" : "")}"
                : q.MaxLength is { } max ? $"at most {max.ToString(CultureInfo.InvariantCulture)} characters"
                : "";
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{Cell(q.Id)}` | {q.Type} | `{Cell(q.Page)}` | {WaveList(q.Waves)} | {Code(q.Condition)} | {(q.Required ? "yes" : "no")} | {details} | {Cell(q.Text)} |");
        }

        md.AppendLine();
    }

    private static string Bound(double? value, string none) => value?.ToString(CultureInfo.InvariantCulture) ?? none;

    private static string WaveList(IReadOnlyList<int>? waves) => waves is null ? "every" : string.Join(", ", waves);

    private static string Code(string? condition) => Cell(condition);

    /// <summary>Keeps instrument text from breaking a table row or turning into markup.</summary>
    private static string Cell(string? text) =>
        (text ?? string.Empty).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);
}
