namespace Tracker.Engine.Instruments;

/// <summary>Builds <see cref="Instrument.In"/>: the same instrument with one translation's texts in place of the base texts.</summary>
internal static class InstrumentTranslator
{
    public static Instrument Translate(Instrument instrument, string language, InstrumentTranslation t)
    {
        var items = t.Items ?? new Dictionary<string, string>();
        string Text(string id, string fallback) => items.TryGetValue(id, out var text) ? text : fallback;

        var scale = t.Scale is { } labels && labels.Count == instrument.Scale.Labels.Count ? instrument.Scale with { Labels = labels } : instrument.Scale;
        return instrument with
        {
            Title = t.Title ?? instrument.Title,
            Introduction = t.Introduction ?? instrument.Introduction,
            Language = language,
            Scale = scale,
            Constructs = [.. instrument.Constructs.Select(c => c with { Items = [.. c.Items.Select(i => i with { Text = Text(i.Id, i.Text) })] })],
            Pages = instrument.Pages is { } pages ? [.. pages.Select(p => Page(p, t, Text))] : null,

            // The translated instrument is what a form shows; it carries no further translations.
            Translations = null,
        };
    }

    private static Page Page(Page page, InstrumentTranslation t, Func<string, string, string> text) => page with
    {
        Title = page.Title is not null && t.Pages?.TryGetValue(page.Id, out var title) == true ? title : page.Title,
        Items = [.. page.Items.Select(e => e.Question is { } q ? e with { Question = Question(q, t, text) } : e)],
    };

    private static Question Question(Question question, InstrumentTranslation t, Func<string, string, string> text)
    {
        var labels = t.Choices?.TryGetValue(question.Id, out var byCode) == true ? byCode : null;
        return question with
        {
            Text = text(question.Id, question.Text),
            Choices = [.. question.Choices.Select(c => labels?.TryGetValue(c.Code, out var label) == true ? c with { Label = label } : c)],
        };
    }
}
