namespace Tracker.Analysis.Descriptives;

/// <summary>
/// One column at one wave: n (non-missing), mean, SD (n − 1), and the t-based 95% CI of the mean.
/// SD and CI are NaN when n &lt; 2.
/// </summary>
public sealed record WaveSummary(double Wave, int N, double Mean, double Sd, double CiLower, double CiUpper);
