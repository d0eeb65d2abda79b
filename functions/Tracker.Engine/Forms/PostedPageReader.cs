using Tracker.Engine.Instruments;
using Tracker.Engine.Responses;

namespace Tracker.Engine.Forms;

/// <summary>
/// Reads one posted page of the form. The page id and the button travel in <see cref="FormNavigation"/>'s fields; a
/// form with a single page (every panel from before pages) may leave the page out. Anything our form cannot have
/// produced (an unknown or hidden page, a field of another page, repeated fields, files) is malformed (400); wrong
/// types, values out of range, missing required answers and answers to questions hidden by the answers given are
/// errors on the page (422, everything typed kept).
/// </summary>
public static class PostedPageReader
{
    /// <summary>Longer than any text answer a form allows; anything longer was not typed into our form.</summary>
    public const int MaxFieldLength = 20_000;

    /// <summary>The page as posted, or null with <paramref name="problems"/> saying why the request is malformed.</summary>
    public static PostedPage? Read(Instrument instrument, int wave, ResponseAnswers stored, PostedAnswers form, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(problems);
        if (form.HasFiles) problems.Add("The form must not contain files.");

        var pageId = Single(form, FormNavigation.PageField, problems);
        var action = Single(form, FormNavigation.ActionField, problems) ?? FormNavigation.Next;
        if (action is not (FormNavigation.Next or FormNavigation.Back)) problems.Add("Unknown form action.");
        var page = pageId is null
            ? (instrument.FormPages.Count == 1 ? instrument.FormPages[0] : null)
            : FormFlow.VisiblePages(instrument, wave, stored).FirstOrDefault(p => p.Id == pageId);
        if (page is null)
        {
            problems.Add(pageId is null ? "The form did not say which page it is." : "The page is not part of this wave's form.");
            return null;
        }

        var constructs = page.Items.Select(e => e.Construct).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var pageInstrument = instrument with { Constructs = [.. instrument.Constructs.Where(c => constructs.Contains(c.Id))], Pages = null };
        var itemIds = pageInstrument.Items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var questions = page.Items.Select(e => e.Question).OfType<Question>().ToDictionary(q => q.Id, StringComparer.Ordinal);
        var itemFields = new List<KeyValuePair<string, string>>();
        var questionFields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in form.Fields)
        {
            if (FormNavigation.IsControl(name)) continue;
            if (itemIds.Contains(name))
            {
                itemFields.Add(new(name, value));
            }
            else if (questions.TryGetValue(name, out var question))
            {
                var values = questionFields.TryGetValue(name, out var list) ? list : questionFields[name] = [];
                values.Add(value ?? string.Empty);
                if (values.Count == 2 && question.Type != QuestionType.MultipleChoice) problems.Add($"Field \"{name}\" was sent more than once.");
                if ((value?.Length ?? 0) > MaxFieldLength) problems.Add($"Field \"{name}\" is longer than {MaxFieldLength} characters.");
            }
            else
            {
                problems.Add("A field that is not on this page was sent.");
            }
        }

        var items = AnswerParser.Parse(pageInstrument, itemFields);
        if (items.Outcome == AnswerParseOutcome.Malformed) problems.AddRange(items.Problems);
        if (problems.Count > 0) return null;

        var typed = questionFields.ToDictionary(f => f.Key, f => string.Join(';', f.Value), StringComparer.Ordinal);
        if (action == FormNavigation.Back)
        {
            return new PostedPage(page, action, new ResponseAnswers(items.Answers.Scale, new Dictionary<string, string>()), typed, []);
        }

        var other = new Dictionary<string, string>(StringComparer.Ordinal);
        var questionErrors = new Dictionary<string, AnswerError>(StringComparer.Ordinal);
        foreach (var question in questions.Values)
        {
            var (answer, error) = AnswerParser.Question(question, questionFields.GetValueOrDefault(question.Id) ?? []);
            if (answer is not null) other[question.Id] = answer;
            if (error is not null) questionErrors[question.Id] = error;
        }

        // Visibility follows the answers as they now stand: what was stored, with this page's answers in place.
        var merged = ResponseMerge.WithPage(instrument, stored, page, new ResponseAnswers(items.Answers.Scale, other));
        var visible = FormFlow.VisibleEntries(page, wave, merged).Select(e => e.Question?.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        // With an answer on the page in error (a typo in the age a condition reads), a question may be hidden only for
        // want of that answer: refusing it would tell the participant to clear a good answer. It is not stored, and is
        // judged once the page comes back without errors.
        var otherErrors = items.Errors.Count > 0 || questionErrors.Keys.Any(visible.Contains);
        foreach (var question in questions.Values.Where(q => !visible.Contains(q.Id)))
        {
            // A hidden question is never required; one answered anyway is refused rather than silently dropped.
            questionErrors.Remove(question.Id);
            if (other.Remove(question.Id) && !otherErrors) questionErrors[question.Id] = new(question.Id, AnswerErrorKey.HiddenQuestion);
        }

        // Errors in the order the page shows its entries.
        var errors = new List<AnswerError>();
        foreach (var entry in page.Items)
        {
            if (entry.Question is { } q && questionErrors.TryGetValue(q.Id, out var error)) errors.Add(error);
            if (entry.Construct is { } c) errors.AddRange(items.Errors.Where(e => pageInstrument.Constructs.First(k => k.Id == c).Items.Any(i => i.Id == e.ItemId)));
        }

        return new PostedPage(page, action, new ResponseAnswers(items.Answers.Scale, other), typed, errors);
    }

    private static string? Single(PostedAnswers form, string name, List<string> problems)
    {
        var values = form.Fields.Where(f => f.Key == name).Select(f => f.Value).ToList();
        if (values.Count > 1) problems.Add($"Field \"{name}\" was sent more than once.");
        return values.Count == 0 ? null : values[0];
    }
}
