using System.Text.Json;

namespace Tracker.Engine.Invitations;

/// <summary>The wire form of a <see cref="DispatchBatch"/> on the dispatch queue.</summary>
public static class DispatchBatchJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Parses a queue message, or returns null for one that is not a dispatch batch (it is logged and dropped, not retried).</summary>
    public static DispatchBatch? TryParse(string message)
    {
        try
        {
            var batch = JsonSerializer.Deserialize<DispatchBatch>(message, Options);
            return batch is { PanelId: not null, Items: not null } && batch.Wave > 0 ? batch : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
