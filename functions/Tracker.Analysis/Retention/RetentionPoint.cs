namespace Tracker.Analysis.Retention;

/// <summary>One step of the Kaplan–Meier curve, as survfit reports it; StandardError is Greenwood's SE of the survival itself.</summary>
public sealed record RetentionPoint(double Wave, int AtRisk, int Events, double Survival, double StandardError);
