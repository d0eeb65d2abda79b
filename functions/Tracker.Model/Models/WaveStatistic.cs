namespace Tracker.Model.Models;

/// <summary>Mean, SD and t-based 95% interval of one score in one wave.</summary>
public sealed record WaveStatistic(int Wave, int N, double? Mean, double? Sd, double? CiLower, double? CiUpper);
