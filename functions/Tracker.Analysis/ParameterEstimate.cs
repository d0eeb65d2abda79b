namespace Tracker.Analysis;

/// <summary>A point estimate with its standard error.</summary>
public sealed record ParameterEstimate(double Estimate, double StandardError);
