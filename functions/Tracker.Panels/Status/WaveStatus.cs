namespace Tracker.Panels.Status;

/// <summary>One wave's line of the status table (JSON: number, state, opensAt, closesAt, invited, failed, responded, responseRate).</summary>
public sealed record WaveStatus(int Number, string State, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int Invited, int Failed, int Responded, double? ResponseRate);
