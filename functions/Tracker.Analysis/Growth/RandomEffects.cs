namespace Tracker.Analysis.Growth;

/// <summary>
/// The variance components as lme4's VarCorr reports them (standard deviations and the correlation).
/// SdIntercept is null for a slope-only term, SdSlope and Correlation for an intercept-only term.
/// </summary>
public sealed record RandomEffects(
    string Group,
    double? SdIntercept,
    string? SlopeName,
    double? SdSlope,
    double? Correlation,
    double SdResidual);
