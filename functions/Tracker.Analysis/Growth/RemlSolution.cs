namespace Tracker.Analysis.Growth;

/// <summary>The penalised least squares solution at one θ: the profiled REML deviance and what the output module needs.</summary>
internal sealed record RemlSolution(double Deviance, double[] Beta, double PenalisedRss, double[] FixedCovarianceUnscaled, bool Valid);
