namespace Tracker.Analysis.Growth;

/// <summary>One fixed-effect coefficient as lme4's summary reports it: estimate, standard error, t value.</summary>
public sealed record FixedEffect(string Name, double Estimate, double StandardError)
{
    public double T => Estimate / StandardError;
}
