using System.Globalization;
using Tracker.Engine.Instruments;
using Tracker.Engine.Responses;

namespace Tracker.Engine.Forms;

/// <summary>
/// Reads a posted survey form, one page or the whole form: one field per construct item (a scale point) and per
/// question (its type's value; a multiple-choice question posts one field per ticked box), named by id.
/// </summary>
public static class AnswerParser
{
    /// <summary>No scale value needs more; anything longer was not produced by our form.</summary>
    public const int MaxValueLength = 10;

    /// <summary>The longest a short-text answer may be when the question sets no maxLength.</summary>
    public const int DefaultShortTextLength = 300;

    /// <summary>The longest a long-text answer may be when the question sets no maxLength.</summary>
    public const int DefaultLongTextLength = 5000;

    // A number or date field holds a few dozen characters at most; a choice field holds a code.
    private const int MaxShortFieldLength = 64;

    // Field names are echoed into logs and the 400 page; keep hostile ones short.
    private const int MaxEchoedNameLength = 40;

    /// <summary>The error for a statement answered outside <paramref name="scale"/>.</summary>
    public static AnswerError OutOfRange(string itemId, ResponseScale scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        return new(itemId, AnswerErrorKey.ScaleRange, [new("min", scale.Min), new("max", scale.Max)]);
    }

    /// <summary>The most characters a text answer to <paramref name="question"/> may have.</summary>
    public static int MaxLength(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.MaxLength ?? (question.Type == QuestionType.LongText ? DefaultLongTextLength : DefaultShortTextLength);
    }

    /// <summary>A posted form: files make it malformed (our form has no file input), then as <see cref="Parse(Instrument, IEnumerable{KeyValuePair{string, string}})"/>.</summary>
    public static AnswerParseResult Parse(Instrument instrument, PostedAnswers posted)
    {
        ArgumentNullException.ThrowIfNull(posted);
        var result = Parse(instrument, posted.Fields);
        return posted.HasFiles ? AnswerParseResult.Malformed(["The form must not contain files.", .. result.Problems]) : result;
    }

    /// <summary>
    /// The answers to every entry of the instrument's form pages, each checked by its type: fields the form cannot
    /// produce (unknown, repeated, oversized) make the request malformed (400); otherwise each entry is checked by its
    /// type (422 with a message per entry). Which entries a participant is shown in a wave — waves, display conditions —
    /// is <see cref="FormFlow"/>'s: a posted page is read by <see cref="PostedPageReader"/>, which checks the page's
    /// construct items here and its questions with <see cref="Question"/>, then drops what the answers hide.
    /// </summary>
    public static AnswerParseResult Parse(Instrument instrument, IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(fields);

        var constructs = instrument.Constructs.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var inOrder = instrument.FormPages.SelectMany(p => p.Items.SelectMany(e => Fields(e, constructs))).ToList();
        var entries = inOrder.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var (posted, problems) = Read(fields, entries);
        if (problems.Count > 0)
        {
            return AnswerParseResult.Malformed(problems.Distinct(StringComparer.Ordinal).ToArray());
        }

        var scale = new Dictionary<string, int>(StringComparer.Ordinal);
        var other = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<AnswerError>();
        foreach (var field in inOrder)
        {
            var values = posted.TryGetValue(field.Id, out var given) ? given : [];
            var (value, error) = field.Question is { } question ? ParseQuestion(question, values) : ParseItem(field.Item!, scale: instrument.Scale, values);
            if (error is not null) errors.Add(error);
            else if (value is int point) scale[field.Id] = point;
            else if (value is string text) other[field.Id] = text;
        }

        var answers = new ResponseAnswers(scale, other);
        return errors.Count == 0 ? AnswerParseResult.Accepted(answers) : AnswerParseResult.Incomplete(answers, errors);
    }

    /// <summary>One form field: a construct item or a question.</summary>
    private sealed record Field(string Id, Item? Item, Question? Question);

    private static IEnumerable<Field> Fields(PageEntry entry, Dictionary<string, Construct> constructs) =>
        entry.Question is { } question ? [new Field(question.Id, null, question)]
        : entry.Construct is { } id && constructs.TryGetValue(id, out var construct) ? construct.Items.Select(i => new Field(i.Id, i, null))
        : [];

    private static (Dictionary<string, List<string>> Posted, List<string> Problems) Read(IEnumerable<KeyValuePair<string, string>> fields, Dictionary<string, Field> entries)
    {
        var posted = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var problems = new List<string>();
        var stamp = false;
        foreach (var (name, raw) in fields)
        {
            var value = raw ?? string.Empty;
            var shown = Echo(name);
            if (string.Equals(name, FormOpening.FieldName, StringComparison.Ordinal))
            {
                // The form's own timing stamp: not an answer, read by FormOpening; like any field, once only.
                if (stamp) problems.Add($"Field \"{shown}\" was sent more than once.");
                stamp = true;
                continue;
            }

            if (!entries.TryGetValue(name, out var field))
            {
                problems.Add($"Unknown field \"{shown}\".");
                continue;
            }

            var values = posted.TryGetValue(name, out var list) ? list : posted[name] = [];
            values.Add(value);
            if (values.Count > 1 && field.Question?.Type != QuestionType.MultipleChoice)
            {
                problems.Add($"Field \"{shown}\" was sent more than once.");
            }
            else if (values.Count > Math.Max(1, field.Question?.Choices.Count ?? 1))
            {
                problems.Add($"Field \"{shown}\" was sent more often than it has choices.");
            }
            else if (value.Length > LongestValue(field))
            {
                problems.Add($"Field \"{shown}\" is longer than {LongestValue(field)} characters.");
            }
        }

        return (posted, problems);
    }

    // Text gets room for line breaks sent as \r\n and a little more, so "too long" is a message beside the field, not a 400.
    private static int LongestValue(Field field) => field.Question switch
    {
        null => MaxValueLength,
        { Type: QuestionType.ShortText or QuestionType.LongText } text => (2 * MaxLength(text)) + 100,
        _ => MaxShortFieldLength,
    };

    private static (object? Value, AnswerError? Error) ParseItem(Item item, ResponseScale scale, List<string> values)
    {
        var text = values.Count == 0 ? "" : values[0];
        if (text.Length == 0) return (null, item.Required ? new(item.Id, AnswerErrorKey.ChooseAnswer) : null);
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && scale.Contains(value)
            ? (value, null)
            : (null, OutOfRange(item.Id, scale));
    }

    /// <summary>One question's posted values in its stored encoding (null when not answered), or why they are not acceptable.</summary>
    public static (string? Answer, AnswerError? Error) Question(Question question, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(values);
        var (value, error) = ParseQuestion(question, [.. values]);
        return (value as string, error);
    }

    /// <summary>The error for a required question left unanswered: a choice asks to choose, anything else to answer.</summary>
    public static AnswerError Missing(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return new(question.Id, question.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice ? AnswerErrorKey.ChooseOne : AnswerErrorKey.AnswerQuestion);
    }

    private static (object? Value, AnswerError? Error) ParseQuestion(Question question, List<string> values)
    {
        var given = values.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        if (given.Count == 0) return (null, question.Required ? Missing(question) : null);

        var unknownChoice = new AnswerError(question.Id, AnswerErrorKey.UnknownChoice);
        switch (question.Type)
        {
            case QuestionType.SingleChoice:
                return question.Choices.Any(c => c.Code == given[0]) ? (given[0], null) : (null, unknownChoice);
            case QuestionType.MultipleChoice:
                if (given.Any(code => !question.Choices.Any(c => c.Code == code))) return (null, unknownChoice);
                if (given.Distinct(StringComparer.Ordinal).Count() != given.Count) return (null, unknownChoice);

                // Stored in choice order, whatever order the browser sent them in.
                return (string.Join(';', question.Choices.Select(c => c.Code).Where(given.Contains)), null);
            case QuestionType.Number:
                return Number(question, given[0]);
            case QuestionType.Date:
                return DateOnly.TryParseExact(given[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
                    : (null, new(question.Id, AnswerErrorKey.NotADate));
            default:
                var text = Normalise(values[0], question.Type);
                var max = MaxLength(question);
                return text.Length > max
                    ? (null, new(question.Id, AnswerErrorKey.TextTooLong, [new("length", text.Length, IsCount: true), new("max", max, IsCount: true)]))
                    : (text, null);
        }
    }

    private static (object? Value, AnswerError? Error) Number(Question question, string text)
    {
        // A decimal comma is what many participants type (de, fr, es…); with no point in the text it is read as one.
        if (!text.Contains('.', StringComparison.Ordinal)) text = text.Replace(',', '.');
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return (null, question.WholeNumbers ? NumberError(question, NumberWording.Whole) : NumberError(question, NumberWording.Example));
        }

        if (question.WholeNumbers && number != decimal.Truncate(number)) return (null, NumberError(question, NumberWording.Whole));
        var value = (double)number;
        if (value < question.Min || value > question.Max) return (null, NumberError(question, NumberWording.Range));

        // Stored in invariant culture without trailing zeros, so "3.50" and "3.5" are one answer.
        return (number.ToString("G29", CultureInfo.InvariantCulture), null);
    }

    /// <summary>The example of a number with a fractional part that the "such as 12 or 3.5" errors show.</summary>
    public const double ExampleNumber = 3.5;

    /// <summary>What a number error asks for: a whole number, a number with an example of one, or a number in the range.</summary>
    private enum NumberWording
    {
        Whole,
        Example,
        Range,
    }

    /// <summary>The number error for <paramref name="question"/>'s bounds: one key per wording and range, the bounds (and example) as its numbers.</summary>
    private static AnswerError NumberError(Question question, NumberWording wording)
    {
        List<AnswerNumber> numbers = [];
        if (question.Min is { } min) numbers.Add(new("min", min));
        if (question.Max is { } max) numbers.Add(new("max", max));
        if (wording == NumberWording.Example) numbers.Add(new("example", ExampleNumber));
        var key = (wording, question.Min.HasValue, question.Max.HasValue) switch
        {
            (NumberWording.Whole, true, true) => AnswerErrorKey.WholeNumberFromTo,
            (NumberWording.Whole, true, false) => AnswerErrorKey.WholeNumberAtLeast,
            (NumberWording.Whole, false, true) => AnswerErrorKey.WholeNumberAtMost,
            (NumberWording.Whole, false, false) => AnswerErrorKey.WholeNumber,
            (NumberWording.Example, true, true) => AnswerErrorKey.NumberFromToExample,
            (NumberWording.Example, true, false) => AnswerErrorKey.NumberAtLeastExample,
            (NumberWording.Example, false, true) => AnswerErrorKey.NumberAtMostExample,
            (NumberWording.Example, false, false) => AnswerErrorKey.NumberExample,

            // Out of range: a number without bounds never is.
            (_, true, true) => AnswerErrorKey.NumberFromTo,
            (_, true, false) => AnswerErrorKey.NumberAtLeast,
            _ => AnswerErrorKey.NumberAtMost,
        };
        return new(question.Id, key, numbers);
    }

    // Text is stored as typed, trimmed, with one kind of line break; a short text has none.
    private static string Normalise(string text, QuestionType type)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        return type == QuestionType.ShortText ? lines.Replace('\n', ' ') : lines;
    }

    private static string Echo(string name)
    {
        var printable = new string(name.Select(ch => char.IsControl(ch) ? '?' : ch).ToArray());
        return printable.Length <= MaxEchoedNameLength ? printable : printable[..MaxEchoedNameLength] + "…";
    }
}
