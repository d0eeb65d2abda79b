namespace Tracker.Model.Models;

/// <summary>Kaplan–Meier retention across waves.</summary>
public sealed record RetentionDocument(double? FinalWave, int N, IReadOnlyList<RetentionPointDocument> Curve);
