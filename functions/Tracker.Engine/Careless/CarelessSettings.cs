using Tracker.Analysis.Careless;

namespace Tracker.Engine.Careless;

/// <summary>
/// A panel's careless-answer settings: when an index flags a response (the literature's defaults unless the
/// definition overrides them) and whether flagged responses are left out of the models.
/// </summary>
/// <param name="ExcludeFromModels">Off by default: a flag is a reason to look, not proof, so leaving answers out is the researcher's call.</param>
public sealed record CarelessSettings(CarelessThresholds Thresholds, bool ExcludeFromModels = false)
{
    public static CarelessSettings Default { get; } = new(CarelessThresholds.Default);
}
