namespace Tracker.Analysis.Retention;

/// <summary>Kaplan–Meier retention of a panel: one point per distinct last-answered wave.</summary>
public sealed record RetentionCurve(double FinalWave, int Participants, IReadOnlyList<RetentionPoint> Points);
