namespace Tracker.Engine.Exports;

/// <summary>A column of an export as the codebook describes it; Type is one of string, integer, number, date, datetime.</summary>
public sealed record ExportColumn(string Name, string Type, string Description);
