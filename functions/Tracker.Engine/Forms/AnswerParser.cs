using System.Globalization;
using Tracker.Engine.Instruments;

namespace Tracker.Engine.Forms;

/// <summary>Reads a posted survey form: one field per item, named by item id, valued by a scale point.</summary>
public static class AnswerParser
{
    public const string MissingMessage = "Please choose an answer for this statement.";

    /// <summary>No scale value needs more; anything longer was not produced by our form.</summary>
    public const int MaxValueLength = 10;

    // Field names are echoed into logs and the 400 page; keep hostile ones short.
    private const int MaxEchoedNameLength = 40;

    public static string OutOfRangeMessage(ResponseScale scale) =>
        $"Your answer must be a whole number from {scale.Min} to {scale.Max}.";

    /// <summary>A posted form: files make it malformed (our form has no file input), then as <see cref="Parse(Instrument, IEnumerable{KeyValuePair{string, string}})"/>.</summary>
    public static AnswerParseResult Parse(Instrument instrument, PostedAnswers posted)
    {
        ArgumentNullException.ThrowIfNull(posted);
        var result = Parse(instrument, posted.Fields);
        return posted.HasFiles ? AnswerParseResult.Malformed(["The form must not contain files.", .. result.Problems]) : result;
    }

    /// <summary>
    /// The form's timing stamp (<see cref="FormOpening.FieldName"/>) is no answer and is left to <see cref="FormOpening"/>.
    /// Unknown, repeated or oversized fields make the whole request malformed (a browser submitting our form cannot produce them);
    /// otherwise every item must be answered with a whole number within the scale.
    /// </summary>
    public static AnswerParseResult Parse(Instrument instrument, IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(fields);

        var itemIds = instrument.Items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var posted = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (name, value) in fields)
        {
            var shown = Echo(name);
            if (string.Equals(name, FormOpening.FieldName, StringComparison.Ordinal))
            {
                // The form's own timing stamp: not an answer, read by FormOpening; like any field, once only.
                if (!posted.TryAdd(name, value ?? string.Empty)) problems.Add($"Field \"{shown}\" was sent more than once.");
            }
            else if (!itemIds.Contains(name))
            {
                problems.Add($"Unknown field \"{shown}\".");
            }
            else if (!posted.TryAdd(name, value ?? string.Empty))
            {
                problems.Add($"Field \"{shown}\" was sent more than once.");
            }
            else if ((value?.Length ?? 0) > MaxValueLength)
            {
                problems.Add($"Field \"{shown}\" is longer than {MaxValueLength} characters.");
            }
        }

        if (problems.Count > 0)
        {
            return AnswerParseResult.Malformed(problems.Distinct(StringComparer.Ordinal).ToArray());
        }

        var scale = instrument.Scale;
        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<AnswerError>();
        foreach (var item in instrument.Items)
        {
            if (!posted.TryGetValue(item.Id, out var text) || text.Length == 0)
            {
                errors.Add(new(item.Id, MissingMessage));
            }
            else if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && scale.Contains(value))
            {
                answers[item.Id] = value;
            }
            else
            {
                errors.Add(new(item.Id, OutOfRangeMessage(scale)));
            }
        }

        return errors.Count == 0 ? AnswerParseResult.Accepted(answers) : AnswerParseResult.Incomplete(answers, errors);
    }

    private static string Echo(string name)
    {
        var printable = new string(name.Select(ch => char.IsControl(ch) ? '?' : ch).ToArray());
        return printable.Length <= MaxEchoedNameLength ? printable : printable[..MaxEchoedNameLength] + "…";
    }
}
