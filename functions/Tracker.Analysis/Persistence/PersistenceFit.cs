namespace Tracker.Analysis.Persistence;

/// <summary>
/// AR(1) persistence: y[w] = intercept + rho·y[w−1] over consecutive waves of the same participant,
/// with CR1 cluster-robust standard errors by participant. Estimable is false (with a Message) when
/// there are too few pairs or participants, or the lagged outcome does not vary.
/// </summary>
public sealed record PersistenceFit(
    bool Estimable,
    string? Message,
    ParameterEstimate? Rho,
    ParameterEstimate? Intercept,
    int Pairs,
    int Groups);
