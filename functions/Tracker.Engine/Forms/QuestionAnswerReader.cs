using System.Globalization;
using Tracker.Engine.Instruments;

namespace Tracker.Engine.Forms;

/// <summary>
/// Reads the posted text of one question into its stored encoding (ResponseAnswers): a choice's code, codes in
/// choice order joined by <c>;</c>, an invariant number, trimmed text with <c>\n</c> line ends, <c>yyyy-MM-dd</c>.
/// </summary>
public static class QuestionAnswerReader
{
    public const string MissingMessage = "Please answer this question.";

    /// <summary>The encoded answer (null when not answered) or why the posted values are not acceptable.</summary>
    public static (string? Answer, string? Error) Read(Question question, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(values);
        var given = values.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        if (given.Count == 0) return (null, question.Required ? MissingMessage : null);
        return question.Type switch
        {
            QuestionType.SingleChoice => given.Count == 1 && question.Choices.Any(c => c.Code == given[0]) ? (given[0], null) : (null, "Please choose one of the answers shown."),
            QuestionType.MultipleChoice => given.All(v => question.Choices.Any(c => c.Code == v))
                ? (string.Join(';', question.Choices.Where(c => given.Contains(c.Code)).Select(c => c.Code)), null)
                : (null, "Please choose from the answers shown."),
            QuestionType.Number => Number(question, given),
            QuestionType.Date => given.Count == 1 && DateOnly.TryParseExact(given[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
                : (null, "Please enter a date as year-month-day, for example 2026-12-03."),
            _ => Text(question, given),
        };
    }

    private static (string?, string?) Number(Question question, List<string> given)
    {
        // A decimal comma is what many participants type; it is read as a point.
        if (given.Count != 1 || !double.TryParse(given[0].Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            return (null, question.WholeNumbers ? "Please enter a whole number." : "Please enter a number.");
        }

        if (question.WholeNumbers && value != Math.Floor(value)) return (null, "Please enter a whole number.");
        if ((question.Min is { } min && value < min) || (question.Max is { } max && value > max))
        {
            return (null, $"Please enter a number from {Bound(question.Min)} to {Bound(question.Max)}.");
        }

        return (value.ToString("R", CultureInfo.InvariantCulture), null);
    }

    private static (string?, string?) Text(Question question, List<string> given)
    {
        if (given.Count != 1) return (null, "Please give one answer.");
        var text = given[0].Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (question.Type == QuestionType.ShortText && text.Contains('\n', StringComparison.Ordinal)) text = text.Replace('\n', ' ');
        return question.MaxLength is { } limit && text.Length > limit
            ? (null, $"Please shorten your answer to at most {limit.ToString(CultureInfo.InvariantCulture)} characters (it has {text.Length.ToString(CultureInfo.InvariantCulture)}).")
            : (text, null);
    }

    private static string Bound(double? bound) => bound?.ToString(CultureInfo.InvariantCulture) ?? "any";
}
