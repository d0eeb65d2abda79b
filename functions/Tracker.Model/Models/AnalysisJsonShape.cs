using System.Text.Json.Serialization.Metadata;

namespace Tracker.Model.Models;

/// <summary>
/// Where the analyze keys differ from the stored model's for the same section (the reference files written by
/// reference.R fix them): no 95% intervals on estimates, fixed effects, retention steps and RI-CLPM parameters, and a growth fit's or a
/// decay curve's numbers only when there is a fit — a NaN within a fit is still a null.
/// </summary>
internal static class AnalysisJsonShape
{
    private static readonly string[] Intervals = ["ci_lower", "ci_upper"];

    private static readonly string[] GrowthFit = ["n_obs", "n_groups", "reml_criterion", "fixed", "random", "singular"];

    private static readonly string[] DecayCurve = ["plateau", "initial", "rate", "half_life", "rss", "sigma", "n"];

    public static void Apply(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        if (info.Type == typeof(EstimateDocument) || info.Type == typeof(FixedEffectDocument) || info.Type == typeof(RetentionPointDocument)
            || info.Type == typeof(RiclpmParameterDocument))
        {
            foreach (var property in info.Properties.Where(p => Intervals.Contains(p.Name)).ToList()) info.Properties.Remove(property);
        }
        else if (info.Type == typeof(GrowthDocument))
        {
            WriteOnlyWhen(info, GrowthFit, growth => ((GrowthDocument)growth).Fixed is not null);
        }
        else if (info.Type == typeof(DecayDocument))
        {
            WriteOnlyWhen(info, DecayCurve, decay => ((DecayDocument)decay).Converged);
        }
    }

    private static void WriteOnlyWhen(JsonTypeInfo info, string[] names, Func<object, bool> condition)
    {
        foreach (var property in info.Properties.Where(p => names.Contains(p.Name))) property.ShouldSerialize = (owner, _) => condition(owner);
    }
}
