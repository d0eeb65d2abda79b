using Tracker.Engine.Instruments;
using Tracker.Engine.Instruments.Conditions;
using Tracker.Engine.Responses;

namespace Tracker.Engine.Forms;

/// <summary>Which pages and entries a participant sees in a wave, given the answers so far.</summary>
public static class FormFlow
{
    /// <summary>The pages shown in <paramref name="wave"/>, in order.</summary>
    public static IReadOnlyList<Page> VisiblePages(Instrument instrument, int wave, ResponseAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return [.. instrument.FormPages.Where(p => InWave(p.Waves, wave) && ConditionMet(p.Condition, answers))];
    }

    /// <summary>The entries of <paramref name="page"/> shown in <paramref name="wave"/>, in order.</summary>
    public static IReadOnlyList<PageEntry> VisibleEntries(Page page, int wave, ResponseAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(page);
        return [.. page.Items.Where(e => e.Question is not { } q || (InWave(q.Waves, wave) && ConditionMet(q.Condition, answers)))];
    }

    private static bool InWave(IReadOnlyList<int>? waves, int wave) => waves is null || waves.Contains(wave);

    private static bool ConditionMet(string? condition, ResponseAnswers answers) => DisplayCondition.Holds(condition, answers);
}
