namespace Tracker.Engine.Instruments;

/// <summary>One thing on a page, in order: all items of a construct (by its id) or a question.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(PageEntryJsonConverter))]
public sealed record PageEntry(string? Construct, Question? Question);
