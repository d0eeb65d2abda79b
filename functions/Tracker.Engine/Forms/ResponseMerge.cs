using Tracker.Engine.Instruments;
using Tracker.Engine.Responses;
using Tracker.Engine.Scoring;

namespace Tracker.Engine.Forms;

/// <summary>
/// How a saved page joins the stored response: the page's entries take the posted answers, the other pages keep
/// theirs, and answers to entries now hidden (a changed earlier answer hid their page or question) are dropped, since a
/// hidden item is never stored.
/// </summary>
public static class ResponseMerge
{
    /// <summary>The stored answers with <paramref name="page"/>'s entries replaced by <paramref name="posted"/>; nothing dropped yet.</summary>
    public static ResponseAnswers WithPage(Instrument instrument, ResponseAnswers stored, Page page, ResponseAnswers posted)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(posted);
        var items = ItemIds(instrument, page.Items);
        var questions = page.Items.Select(e => e.Question?.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var scale = stored.Scale.Where(a => !items.Contains(a.Key)).Concat(posted.Scale).ToDictionary(StringComparer.Ordinal);
        var other = stored.Other.Where(a => !questions.Contains(a.Key)).Concat(posted.Other).ToDictionary(StringComparer.Ordinal);
        return new ResponseAnswers(scale, other);
    }

    /// <summary>
    /// The merged answers of a saved page, keeping only what the participant can see: dropping one answer can hide
    /// further entries, so this repeats until nothing changes.
    /// </summary>
    public static ResponseAnswers Merge(Instrument instrument, int wave, ResponseAnswers stored, Page page, ResponseAnswers posted)
    {
        var answers = WithPage(instrument, stored, page, posted);
        while (true)
        {
            var entries = FormFlow.VisiblePages(instrument, wave, answers).SelectMany(p => FormFlow.VisibleEntries(p, wave, answers)).ToList();
            var items = ItemIds(instrument, entries);
            var questions = entries.Select(e => e.Question?.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var kept = new ResponseAnswers(
                answers.Scale.Where(a => items.Contains(a.Key)).ToDictionary(StringComparer.Ordinal),
                answers.Other.Where(a => questions.Contains(a.Key)).ToDictionary(StringComparer.Ordinal));
            if (kept.Scale.Count == answers.Scale.Count && kept.Other.Count == answers.Other.Count) return kept;
            answers = kept;
        }
    }

    /// <summary>
    /// Construct scores of a response saved page by page: a construct not yet wholly answered has no score, so a
    /// partial response never carries a mean of the few items it reached.
    /// </summary>
    public static IReadOnlyDictionary<string, double?> Scores(Instrument instrument, IReadOnlyDictionary<string, int> answers)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var scores = ConstructScorer.Score(instrument, answers);
        return instrument.Constructs.ToDictionary(
            c => c.Id,
            c => c.Items.All(i => answers.ContainsKey(i.Id)) ? scores[c.Id] : null,
            StringComparer.Ordinal);
    }

    /// <summary>The first shown page with a required answer missing, and what is missing; null when every shown page is answered.</summary>
    public static (Page Page, IReadOnlyList<AnswerError> Errors)? FirstUnfinished(Instrument instrument, int wave, ResponseAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        foreach (var page in FormFlow.VisiblePages(instrument, wave, answers))
        {
            var errors = new List<AnswerError>();
            foreach (var entry in FormFlow.VisibleEntries(page, wave, answers))
            {
                if (entry.Question is { Required: true } q && !answers.Other.ContainsKey(q.Id)) errors.Add(AnswerParser.Missing(q));
                var construct = entry.Construct is null ? null : instrument.Constructs.FirstOrDefault(c => c.Id == entry.Construct);
                errors.AddRange((construct?.Items ?? []).Where(i => !answers.Scale.ContainsKey(i.Id)).Select(i => new AnswerError(i.Id, AnswerErrorKey.ChooseAnswer)));
            }

            if (errors.Count > 0) return (page, errors);
        }

        return null;
    }

    private static HashSet<string> ItemIds(Instrument instrument, IEnumerable<PageEntry> entries)
    {
        var constructs = entries.Select(e => e.Construct).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return instrument.Constructs.Where(c => constructs.Contains(c.Id)).SelectMany(c => c.Items).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
    }
}
