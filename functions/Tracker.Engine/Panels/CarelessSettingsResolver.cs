using Tracker.Analysis;
using Tracker.Analysis.Careless;
using Tracker.Engine.Careless;

namespace Tracker.Engine.Panels;

/// <summary>Turns a definition's <c>careless</c> object into the panel's settings: each threshold given replaces its default and is checked on its own, so the 400 names its JSON path.</summary>
public static class CarelessSettingsResolver
{
    public static CarelessSettings Resolve(CarelessDefinition? definition, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (definition is null) return CarelessSettings.Default;
        var thresholds = CarelessThresholds.Default;
        if (definition.Thresholds is { } given)
        {
            thresholds = Override(thresholds, "longStringShare", given.LongStringShare, (t, v) => t with { LongStringShare = v }, problems);
            thresholds = Override(thresholds, "minimumIrv", given.MinimumIrv, (t, v) => t with { MinimumIrv = v }, problems);
            thresholds = Override(thresholds, "mahalanobisPValue", given.MahalanobisPValue, (t, v) => t with { MahalanobisPValue = v }, problems);
            thresholds = Override(thresholds, "minimumEvenOdd", given.MinimumEvenOdd, (t, v) => t with { MinimumEvenOdd = v }, problems);
            thresholds = Override(thresholds, "minimumSecondsPerItem", given.MinimumSecondsPerItem, (t, v) => t with { MinimumSecondsPerItem = v }, problems);
        }

        return new CarelessSettings(thresholds, definition.ExcludeFromModels ?? false);
    }

    // The ranges live in CarelessThresholds.Validate; each override is checked alone so its problem carries its own path.
    private static CarelessThresholds Override(CarelessThresholds current, string name, double? value, Func<CarelessThresholds, double, CarelessThresholds> set, List<string> problems)
    {
        if (value is not { } v) return current;
        var candidate = set(current, v);
        try
        {
            candidate.Validate();
            return candidate;
        }
        catch (AnalysisException ex)
        {
            problems.Add($"careless.thresholds.{name}: {ex.Message}");
            return current;
        }
    }
}
