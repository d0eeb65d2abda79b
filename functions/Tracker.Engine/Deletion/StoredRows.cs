namespace Tracker.Engine.Deletion;

/// <summary>How many rows one table holds for a panel.</summary>
public sealed record StoredRows(string Table, int Rows);
