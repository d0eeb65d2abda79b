namespace Tracker.Model.Models;

/// <summary>Random-effect standard deviations and correlation, as lme4's VarCorr reports them.</summary>
public sealed record RandomEffectsDocument(double? SdIntercept, double? SdSlope, double? Corr, double? SdResidual);
