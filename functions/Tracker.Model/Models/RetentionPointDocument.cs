namespace Tracker.Model.Models;

/// <summary>One step of the retention curve, with the Greenwood 95% interval clamped to [0, 1].</summary>
public sealed record RetentionPointDocument(int Wave, int AtRisk, int Events, double? Survival, double? Se, double? CiLower, double? CiUpper);
