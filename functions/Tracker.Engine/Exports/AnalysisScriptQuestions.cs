using System.Globalization;
using System.Text;
using Tracker.Engine.Instruments;

namespace Tracker.Engine.Exports;

/// <summary>
/// The part of <c>analysis.R</c> that reads the questions of <c>items.csv</c> into R's own types: choice codes become
/// factors with their labels as levels' labels, a multiple choice one TRUE/FALSE column per code, numbers numeric and
/// dates Date, so a researcher starts from typed data rather than strings.
/// </summary>
public static class AnalysisScriptQuestions
{
    public static string Render(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var questions = instrument.Questions.ToList();
        if (questions.Count == 0) return "";

        var items = ExportFormats.FileName(ExportFormat.ItemsCsv);
        var r = new StringBuilder();
        r.AppendLine(CultureInfo.InvariantCulture, $"# The questions beside the constructs are in {items} (export format \"items\"; put it beside this script).");
        r.AppendLine(CultureInfo.InvariantCulture, $"if (file.exists(\"{items}\")) {{");
        var asText = questions.Where(q => q.Type != QuestionType.Number).Select(q => $"{Quote(q.Id)} = \"character\"");
        r.AppendLine(CultureInfo.InvariantCulture, $"  items <- read.csv(\"{items}\", stringsAsFactors = FALSE, na.strings = c(\"\", \"NA\"), check.names = FALSE,");
        r.AppendLine(CultureInfo.InvariantCulture, $"                    colClasses = c({string.Join(", ", [$"{Quote(ExportColumns.ParticipantId)} = \"character\"", .. asText])}))");
        foreach (var q in questions)
        {
            var column = $"items[[{Quote(q.Id)}]]";
            switch (q.Type)
            {
                case QuestionType.SingleChoice:
                    r.AppendLine(CultureInfo.InvariantCulture, $"  {column} <- factor({column}, levels = {Vector(q.Choices.Select(c => c.Code))}, labels = {Vector(q.Choices.Select(c => c.Label))})");
                    break;
                case QuestionType.MultipleChoice:
                    r.AppendLine(CultureInfo.InvariantCulture, $"  chosen <- strsplit(ifelse(is.na({column}), \"\", {column}), \";\", fixed = TRUE)");
                    foreach (var choice in q.Choices)
                    {
                        r.AppendLine(CultureInfo.InvariantCulture, $"  items[[{Quote(q.Id + "_" + choice.Code)}]] <- ifelse(is.na({column}), NA, vapply(chosen, function(x) {Quote(choice.Code)} %in% x, logical(1)))  # {Comment(choice.Label)}");
                    }

                    break;
                case QuestionType.Number:
                    r.AppendLine(CultureInfo.InvariantCulture, $"  {column} <- as.numeric({column})");
                    break;
                case QuestionType.Date:
                    r.AppendLine(CultureInfo.InvariantCulture, $"  {column} <- as.Date({column}, format = \"%Y-%m-%d\")");
                    break;
                default:
                    // Text stays character; the export prefixes a leading = + - @ with ' against spreadsheet formulas.
                    r.AppendLine(CultureInfo.InvariantCulture, $"  {column} <- sub(\"^'([=+@\\t\\r-])\", \"\\\\1\", {column})");
                    break;
            }
        }

        r.AppendLine(CultureInfo.InvariantCulture, $"  cat(sprintf(\"\\n{items}: %d rows; questions typed: %s\\n\", nrow(items), {Quote(string.Join(", ", questions.Select(q => q.Id)))}))");
        r.AppendLine("}");
        return r.ToString();
    }

    private static string Vector(IEnumerable<string> values) => $"c({string.Join(", ", values.Select(Quote))})";

    // R string literal: backslashes and double quotes escaped; labels hold no control characters (validated).
    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Comment(string text) => text.Replace('\n', ' ').Replace('\r', ' ');
}
