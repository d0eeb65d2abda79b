using System.Globalization;
using System.Text.RegularExpressions;
using Tracker.Engine.Instruments.Conditions;

namespace Tracker.Engine.Instruments;

/// <summary>The pages, questions and display conditions of an instrument (see <see cref="Validate(Instrument?, string, int?, IReadOnlyList{string}?)"/>).</summary>
public static partial class InstrumentValidator
{
    public const int MaxPages = 50;
    public const int MaxEntriesPerPage = 60;
    public const int MaxQuestions = 200;
    public const int MaxChoices = 50;
    public const int MaxChoiceLabelLength = 200;
    public const int MaxConditionLength = 1000;
    public const int MaxTextAnswerLength = 10_000;

    // Number bounds far beyond any real question and well inside double's exact integers.
    public const double NumberBound = 1e12;

    public const string PageIdPattern = "^[a-z0-9][a-z0-9_-]{0,39}$";
    public const string QuestionIdPattern = "^[a-z][a-z0-9_]{0,39}$";
    public const string ChoiceCodePattern = "^[A-Za-z0-9_-]{1,32}$";

    // The condition language's words cannot name an item.
    private static readonly HashSet<string> ConditionWords = new(StringComparer.Ordinal) { "and", "or", "not", "in" };

    [GeneratedRegex(PageIdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex PageIdRegex();

    [GeneratedRegex(QuestionIdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex QuestionIdRegex();

    [GeneratedRegex(ChoiceCodePattern, RegexOptions.CultureInvariant)]
    private static partial Regex ChoiceCodeRegex();

    /// <summary>An item or question a condition may read: its question (null for a construct item) and the waves it is shown in (null: every wave).</summary>
    private sealed record Answerable(string Id, Question? Question, IReadOnlyList<int>? Waves);

    private static void Pages(List<string> problems, string root, Instrument instrument, int? waveCount)
    {
        var path = $"{root}.pages";
        var pages = instrument.Pages;
        if (pages is null) return;
        if (pages.Count is < 1 or > MaxPages)
        {
            problems.Add($"{path}: must have 1 to {MaxPages} pages, has {pages.Count} (leave pages out for one page of every construct)");
        }

        var constructs = (instrument.Constructs ?? []).OfType<Construct>().Where(c => c.Id is not null)
            .GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var itemIds = constructs.Values.SelectMany(c => c.Items ?? []).OfType<Item>().Select(i => i.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var everything = Everything(pages, constructs);
        var earlier = new Dictionary<string, Answerable>(StringComparer.Ordinal);
        var placed = new Dictionary<string, string>(StringComparer.Ordinal);
        var pageIds = new HashSet<string>(StringComparer.Ordinal);
        var questions = 0;
        for (var p = 0; p < pages.Count; p++)
        {
            var pagePath = $"{path}[{p}]";
            var page = pages[p];
            if (page is null)
            {
                problems.Add($"{pagePath}: is required");
                continue;
            }

            if (Identifier(problems, $"{pagePath}.id", page.Id, PageIdRegex(), PageIdPattern) && !pageIds.Add(page.Id))
            {
                problems.Add($"{pagePath}.id: \"{page.Id}\" is used by an earlier page");
            }

            if (page.Title is not null) Text(problems, $"{pagePath}.title", page.Title, MaxTextLength, required: true);
            Waves(problems, $"{pagePath}.waves", page.Waves, waveCount);
            Condition(problems, $"{pagePath}.condition", page.Condition, page.Waves, earlier, everything, waveCount);
            if (page.Items is null || page.Items.Count is < 1 or > MaxEntriesPerPage)
            {
                problems.Add($"{pagePath}.items: must have 1 to {MaxEntriesPerPage} entries, has {page.Items?.Count ?? 0}");
            }

            for (var e = 0; e < (page.Items?.Count ?? 0); e++)
            {
                var entryPath = $"{pagePath}.items[{e}]";
                var entry = page.Items![e];
                if (entry?.Question is { } question)
                {
                    questions++;
                    var shown = Intersect(page.Waves, question.Waves);
                    Question(problems, entryPath, question, waveCount);

                    // Checked before the question joins the answers before it, so it cannot depend on itself.
                    Condition(problems, $"{entryPath}.condition", question.Condition, shown, earlier, everything, waveCount);
                    if (question.Id is { } id && QuestionIdRegex().IsMatch(id))
                    {
                        if (itemIds.Contains(id) || constructs.ContainsKey(id)) problems.Add($"{entryPath}.id: \"{id}\" is already the id of a construct or construct item");
                        else if (!earlier.TryAdd(id, new Answerable(id, question, shown))) problems.Add($"{entryPath}.id: \"{id}\" is used by an earlier question");
                    }

                }
                else if (entry?.Construct is { } constructId)
                {
                    if (!constructs.TryGetValue(constructId, out var construct))
                    {
                        problems.Add($"{entryPath}.construct: \"{constructId}\" is not one of the instrument's constructs");
                    }
                    else if (placed.TryGetValue(constructId, out var first))
                    {
                        problems.Add($"{entryPath}.construct: \"{constructId}\" is already on {first}; each construct is on exactly one page");
                    }
                    else
                    {
                        placed[constructId] = pagePath;
                        foreach (var item in (construct.Items ?? []).OfType<Item>().Where(i => i.Id is not null))
                        {
                            earlier.TryAdd(item.Id, new Answerable(item.Id, null, page.Waves));
                        }
                    }
                }
                else
                {
                    problems.Add($"{entryPath}: is required: {{\"construct\": \"…\"}} or a question");
                }
            }
        }

        if (questions > MaxQuestions) problems.Add($"{path}: have {questions} questions; at most {MaxQuestions} are supported");
        var all = instrument.Constructs ?? [];
        for (var c = 0; c < all.Count; c++)
        {
            if (all[c]?.Id is { } id && !placed.ContainsKey(id))
            {
                problems.Add($"{root}.constructs[{c}]: \"{id}\" is on no page; list it on one page as {{\"construct\": \"{id}\"}}");
            }
        }
    }

    // Every answerable id anywhere, so a condition on a later one is told apart from one on a misspelt id.
    private static HashSet<string> Everything(IReadOnlyList<Page?> pages, Dictionary<string, Construct> constructs) =>
    [
        .. pages.OfType<Page>().SelectMany(p => p.Items ?? []).Select(e => e?.Question?.Id).OfType<string>(),
        .. constructs.Values.SelectMany(c => c.Items ?? []).Select(i => i?.Id).OfType<string>(),
    ];

    private static void Question(List<string> problems, string path, Question question, int? waveCount)
    {
        if (Identifier(problems, $"{path}.id", question.Id, QuestionIdRegex(), QuestionIdPattern) && ConditionWords.Contains(question.Id))
        {
            problems.Add($"{path}.id: \"{question.Id}\" is a word of the condition language (and, or, not, in); choose another id");
        }
        else if (question.Id is { } id && Exports.ExportColumns.IsReserved(id))
        {
            problems.Add($"{path}.id: \"{id}\" is the name of one of the exports' own columns; choose another id");
        }

        Text(problems, $"{path}.text", question.Text, MaxTextLength, required: true);
        var type = QuestionTypeJsonConverter.Name(question.Type);
        var isChoice = question.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice;
        var isText = question.Type is QuestionType.ShortText or QuestionType.LongText;
        if (isChoice) Choices(problems, $"{path}.choices", question.Choices);
        else if (question.Choices is { Count: > 0 }) problems.Add($"{path}.choices: does not apply to a {type} question (only to singleChoice and multipleChoice)");

        if (question.Type == QuestionType.Number)
        {
            foreach (var (name, bound) in new[] { ("min", question.Min), ("max", question.Max) })
            {
                if (bound is { } b && (!double.IsFinite(b) || Math.Abs(b) > NumberBound)) problems.Add($"{path}.{name}: must be between -{NumberBound:0} and {NumberBound:0}");
            }

            if (question.Min > question.Max) problems.Add($"{path}: min ({Invariant(question.Min)}) must not be more than max ({Invariant(question.Max)})");
        }
        else
        {
            if (question.Min is not null) problems.Add($"{path}.min: does not apply to a {type} question (only to number)");
            if (question.Max is not null) problems.Add($"{path}.max: does not apply to a {type} question (only to number)");
            if (question.WholeNumbers) problems.Add($"{path}.integer: does not apply to a {type} question (only to number)");
        }

        if (question.MaxLength is { } maxLength)
        {
            if (!isText) problems.Add($"{path}.maxLength: does not apply to a {type} question (only to shortText and longText)");
            else if (maxLength is < 1 or > MaxTextAnswerLength) problems.Add($"{path}.maxLength: must be from 1 to {MaxTextAnswerLength}");
        }

        Waves(problems, $"{path}.waves", question.Waves, waveCount);
        if (question.Condition is { Length: > MaxConditionLength }) problems.Add($"{path}.condition: must be at most {MaxConditionLength} characters");
    }

    private static string Invariant(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static void Choices(List<string> problems, string path, IReadOnlyList<Choice?>? choices)
    {
        if (choices is null || choices.Count is < 2 or > MaxChoices)
        {
            problems.Add($"{path}: must have 2 to {MaxChoices} choices, has {choices?.Count ?? 0}");
            if (choices is null) return;
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < choices.Count; i++)
        {
            var choice = choices[i];
            if (choice is null)
            {
                problems.Add($"{path}[{i}]: is required");
                continue;
            }

            if (Identifier(problems, $"{path}[{i}].code", choice.Code, ChoiceCodeRegex(), ChoiceCodePattern) && !codes.Add(choice.Code))
            {
                problems.Add($"{path}[{i}].code: \"{choice.Code}\" is used by an earlier choice");
            }

            Text(problems, $"{path}[{i}].label", choice.Label, MaxChoiceLabelLength, required: true);
        }
    }

    private static void Waves(List<string> problems, string path, IReadOnlyList<int>? waves, int? waveCount)
    {
        if (waves is null) return;
        if (waves.Count == 0)
        {
            problems.Add($"{path}: must list at least one wave, or be left out (every wave)");
            return;
        }

        var seen = new HashSet<int>();
        for (var i = 0; i < waves.Count; i++)
        {
            if (waves[i] < 1 || waves[i] > (waveCount ?? int.MaxValue))
            {
                problems.Add(waveCount is { } count
                    ? $"{path}[{i}]: wave {waves[i]} is not in the schedule (waves 1 to {count})"
                    : $"{path}[{i}]: waves are numbered from 1");
            }
            else if (!seen.Add(waves[i]))
            {
                problems.Add($"{path}[{i}]: wave {waves[i]} is listed twice");
            }
        }
    }

    private static IReadOnlyList<int>? Intersect(IReadOnlyList<int>? page, IReadOnlyList<int>? question) =>
        page is null ? question : question is null ? page : [.. page.Intersect(question)];

    private static void Condition(
        List<string> problems, string path, string? source, IReadOnlyList<int>? shownIn, Dictionary<string, Answerable> earlier, HashSet<string> everything, int? waveCount)
    {
        if (source is null || source.Length > MaxConditionLength) return;
        if (!DisplayCondition.TryParse(source, out var condition, out var error))
        {
            problems.Add($"{path}: {error}");
            return;
        }

        foreach (var leaf in condition!.Comparisons())
        {
            var (id, values, op) = leaf switch
            {
                Comparison c => (c.Item, (IReadOnlyList<ConditionValue>)[c.Value], c.Operator),
                InList l => (l.Item, l.Values, ComparisonOperator.Equal),
                _ => throw new InvalidOperationException("A condition leaf is a comparison."),
            };
            var at = $"(position {leaf.Position + 1})";
            if (!earlier.TryGetValue(id, out var target))
            {
                problems.Add(everything.Contains(id)
                    ? $"{path}: '{id}' {at} comes later in the form; a condition can only use answers given before it"
                    : $"{path}: '{id}' {at} is not an item or question of the instrument");
                continue;
            }

            Typed(problems, path, at, target, values, op);
            NotShown(problems, path, at, target, shownIn, waveCount);
        }
    }

    private static void Typed(List<string> problems, string path, string at, Answerable target, IReadOnlyList<ConditionValue> values, ComparisonOperator op)
    {
        var question = target.Question;
        var kind = question is null ? "a construct item" : $"a {QuestionTypeJsonConverter.Name(question.Type)} question";
        if (question is { Type: not (QuestionType.Number or QuestionType.SingleChoice or QuestionType.MultipleChoice) })
        {
            problems.Add($"{path}: '{target.Id}' {at} is {kind}; conditions can test construct items, number and choice questions");
            return;
        }

        var isChoice = question is { Type: QuestionType.SingleChoice or QuestionType.MultipleChoice };
        foreach (var value in values)
        {
            if (!isChoice && value.Code is not null)
            {
                problems.Add($"{path}: '{target.Id}' {at} is {kind}, so compare it with a number (no quotes), not '{value.Code}'");
            }
            else if (isChoice && value.Number is { } number)
            {
                problems.Add($"{path}: '{target.Id}' {at} is {kind}, so compare it with a quoted code such as '{(question!.Choices.Count > 0 ? question.Choices[0]?.Code : "")}', not {Invariant(number)}");
            }
            else if (isChoice && !question!.Choices.Any(c => c?.Code == value.Code))
            {
                problems.Add($"{path}: '{value.Code}' is not a code of '{target.Id}' {at} (its codes: {string.Join(", ", question.Choices.Select(c => c?.Code))})");
            }
        }

        if (isChoice && op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
        {
            problems.Add($"{path}: '{target.Id}' {at} is {kind}; choice codes have no order, so use =, ≠ or in");
        }
    }

    // An answer never given in a wave would make the condition silently false there; say so instead.
    private static void NotShown(List<string> problems, string path, string at, Answerable target, IReadOnlyList<int>? shownIn, int? waveCount)
    {
        if (target.Waves is null) return;
        var missing = shownIn is null
            ? (waveCount is { } count ? Enumerable.Range(1, count).Except(target.Waves).ToList() : null)
            : shownIn.Except(target.Waves).ToList();
        if (missing is null)
        {
            problems.Add($"{path}: '{target.Id}' {at} is shown only in wave(s) {string.Join(", ", target.Waves)}, but this is shown in every wave");
        }
        else if (missing.Count > 0)
        {
            problems.Add($"{path}: '{target.Id}' {at} is not shown in wave(s) {string.Join(", ", missing)}, where this is shown");
        }
    }
}
