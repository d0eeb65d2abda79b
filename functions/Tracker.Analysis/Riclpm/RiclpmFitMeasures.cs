namespace Tracker.Analysis.Riclpm;

/// <summary>
/// The global fit of an RI-CLPM, as lavaan's fitMeasures() names them: log-likelihood, number of
/// free parameters, χ² against the unrestricted (saturated) model with its degrees of freedom, CFI
/// against the independence baseline under the same missing-data handling, RMSEA, and the number of
/// participants with at least one observed wave score.
/// </summary>
public sealed record RiclpmFitMeasures(
    double LogLikelihood,
    int Parameters,
    double ChiSquare,
    int DegreesOfFreedom,
    double Cfi,
    double Rmsea,
    int Participants,
    double UnrestrictedLogLikelihood,
    double BaselineChiSquare,
    int BaselineDegreesOfFreedom);
