namespace Tracker.Analysis.Riclpm;

/// <summary>One missing-data pattern: the observed variables, how many participants have it, their mean and (biased) covariance.</summary>
internal sealed record MissingPattern(int[] Observed, int Count, double[] Mean, double[] Scatter);
