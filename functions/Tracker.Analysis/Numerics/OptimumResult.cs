namespace Tracker.Analysis.Numerics;

/// <summary>Where an optimiser stopped, the objective there, how many evaluations it took, and whether it met its tolerances.</summary>
internal sealed record OptimumResult(double[] Point, double Value, int Evaluations, bool Converged);
