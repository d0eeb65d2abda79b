namespace Tracker.Analysis.Growth;

/// <summary>
/// A fitted linear mixed growth model (REML). RemlCriterion is lme4's REMLcrit (−2 × restricted
/// log-likelihood). Singular means a variance at zero or a correlation at ±1 (a boundary fit: the
/// criterion and fixed effects are well determined, the variance parameters only loosely).
/// Theta is lme4's θ (the lower triangle of the relative covariance factor, column by column).
/// </summary>
public sealed record GrowthFit(
    string Formula,
    int Observations,
    int Groups,
    double RemlCriterion,
    IReadOnlyList<FixedEffect> Fixed,
    RandomEffects Random,
    bool Converged,
    bool Singular,
    string? Message,
    IReadOnlyList<double> Theta,
    int Evaluations)
{
    public FixedEffect this[string name] =>
        Fixed.FirstOrDefault(f => f.Name == name) ?? throw new KeyNotFoundException($"no fixed effect '{name}'");
}
