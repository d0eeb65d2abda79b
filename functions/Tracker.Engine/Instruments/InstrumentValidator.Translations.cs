namespace Tracker.Engine.Instruments;

/// <summary>The instrument's translations: every text in every other panel language, nothing that is not in the instrument.</summary>
public static partial class InstrumentValidator
{
    private static void Translations(List<string> problems, string root, Instrument instrument, IReadOnlyList<string>? languages)
    {
        var path = $"{root}.translations";
        var given = instrument.Translations ?? new Dictionary<string, InstrumentTranslation>();
        var own = instrument.Language ?? "";

        // Without the panel's languages (an instrument checked alone) each translation given is checked for completeness.
        var others = (languages ?? [.. given.Keys]).Where(l => !string.Equals(l, own, StringComparison.OrdinalIgnoreCase)).ToList();
        var spoken = languages is null ? null : string.Join(", ", languages);
        foreach (var tag in given.Keys.Where(t => !others.Contains(t, StringComparer.OrdinalIgnoreCase)))
        {
            problems.Add(string.Equals(tag, own, StringComparison.OrdinalIgnoreCase)
                ? $"{path}.{tag}: is the instrument's own language; its texts are the instrument's"
                : $"{path}.{tag}: is not one of the panel's languages ({spoken})");
        }

        foreach (var language in others)
        {
            var key = given.Keys.FirstOrDefault(k => string.Equals(k, language, StringComparison.OrdinalIgnoreCase));
            if (key is null || given[key] is not { } translation)
            {
                problems.Add($"{path}.{language}: is missing (the panel speaks {spoken}; the instrument is written in {own}, so every other language needs its texts here)");
                continue;
            }

            Translation(problems, $"{path}.{key}", instrument, translation);
        }
    }

    private static void Translation(List<string> problems, string path, Instrument instrument, InstrumentTranslation translation)
    {
        Text(problems, $"{path}.title", translation.Title, MaxTextLength, required: true);
        if (!string.IsNullOrEmpty(instrument.Introduction) || translation.Introduction is not null)
        {
            Text(problems, $"{path}.introduction", translation.Introduction, MaxIntroductionLength, required: true, allowLineBreaks: true);
        }

        var labels = instrument.Scale?.Labels?.Count ?? 0;
        if (translation.Scale is null)
        {
            problems.Add($"{path}.scale: is missing (the {labels} labels of the scale, lowest first)");
        }
        else
        {
            if (translation.Scale.Count != labels) problems.Add($"{path}.scale: must name each of the {labels} points, has {translation.Scale.Count}");
            for (var i = 0; i < translation.Scale.Count; i++)
            {
                Text(problems, $"{path}.scale[{i}]", translation.Scale[i], MaxLabelLength, required: true);
            }
        }

        var items = instrument.Items.Where(i => i?.Id is not null).Select(i => i.Id)
            .Concat(instrument.Questions.Where(q => q?.Id is not null).Select(q => q.Id)).Distinct(StringComparer.Ordinal).ToList();
        Keyed(problems, $"{path}.items", translation.Items, items, MaxTextLength, "an item or question of the instrument");

        var choiceQuestions = instrument.Questions.Where(q => q?.Id is not null && q.Choices is { Count: > 0 }).ToList();
        var choices = translation.Choices ?? new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var question in choiceQuestions)
        {
            var codes = question.Choices.Where(c => c?.Code is not null).Select(c => c.Code).ToList();
            choices.TryGetValue(question.Id, out var labelsByCode);
            if (labelsByCode is null) problems.Add($"{path}.choices.{question.Id}: is missing (a label for each of {string.Join(", ", codes)})");
            else Keyed(problems, $"{path}.choices.{question.Id}", labelsByCode, codes, MaxChoiceLabelLength, $"a code of '{question.Id}'");
        }

        foreach (var extra in choices.Keys.Where(k => !choiceQuestions.Any(q => q.Id == k)))
        {
            problems.Add($"{path}.choices.{extra}: is not a choice question of the instrument");
        }

        var titled = (instrument.Pages ?? []).Where(p => p?.Id is not null && !string.IsNullOrEmpty(p.Title)).Select(p => p.Id).ToList();
        Keyed(problems, $"{path}.pages", translation.Pages, titled, MaxTextLength, "a page with a title");
    }

    private static void Keyed(List<string> problems, string path, IReadOnlyDictionary<string, string>? texts, IReadOnlyList<string> expected, int maxLength, string what)
    {
        texts ??= new Dictionary<string, string>();
        foreach (var key in expected.Where(k => !texts.ContainsKey(k)))
        {
            problems.Add($"{path}.{key}: is missing");
        }

        foreach (var (key, text) in texts)
        {
            if (!expected.Contains(key, StringComparer.Ordinal)) problems.Add($"{path}.{key}: is not {what}");
            else Text(problems, $"{path}.{key}", text, maxLength, required: true);
        }
    }
}
