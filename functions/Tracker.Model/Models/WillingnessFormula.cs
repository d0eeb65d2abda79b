using Tracker.Analysis;
using Tracker.Model.Time;

namespace Tracker.Model.Models;

/// <summary>
/// The growth model, written once: the fitter, the bundle's R script (lme4) and the model benchmark all take their
/// formula and column roles from here, so the numbers R prints beside Tracker's are of the same model.
/// </summary>
public static class WillingnessFormula
{
    /// <summary>The grouping column: one random intercept and slope per participant.</summary>
    public const string Subject = "participant_id";

    public const string Wave = "wave";

    /// <summary>lme4 syntax: <c>outcome ~ days + (days | participant_id)</c>.</summary>
    public static string Growth(string outcome) =>
        $"{outcome} ~ {ModelTimeAxis.Column} + ({ModelTimeAxis.Column} | {Subject})";

    /// <summary>The growth model with a baseline covariate and its interaction with time.</summary>
    public static string WithCovariate(string outcome, string covariate) =>
        $"{outcome} ~ {ModelTimeAxis.Column} * {covariate} + ({ModelTimeAxis.Column} | {Subject})";

    /// <summary>What the other sections are computed with when the growth model itself cannot be fitted yet.</summary>
    public static string InterceptOnly(string outcome) => $"{outcome} ~ 1 + (1 | {Subject})";

    /// <summary>The analysis options for <paramref name="formula"/> on the long table's columns.</summary>
    public static PanelAnalysisOptions Options(string outcome, string formula) =>
        new() { Outcome = outcome, Time = ModelTimeAxis.Column, Subject = Subject, Wave = Wave, Formula = formula };
}
