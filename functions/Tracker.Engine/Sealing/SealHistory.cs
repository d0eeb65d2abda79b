using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Sealing;

/// <summary>
/// Why a sealed wave changed after it was sealed: a JSON list in the wave row's <see cref="Property"/>, appended
/// (ETag-checked, so two erasures at once both land) and merged so every other property of the wave row stays as it is.
/// </summary>
public static class SealHistory
{
    public const string Property = "SealHistory";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<SealHistoryEntry> Parse(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<SealHistoryEntry>>(json, Json) ?? [];

    public static async Task<IReadOnlyList<SealHistoryEntry>> ReadAsync(TableClient waves, string panelId, int wave, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(waves);
        var row = await waves.GetEntityIfExistsAsync<TableEntity>(panelId, WaveEntity.Key(wave), [Property], cancellationToken).ConfigureAwait(false);
        return row.HasValue ? Parse(row.Value!.GetString(Property)) : [];
    }

    public static async Task AppendAsync(TableClient waves, string panelId, int wave, SealHistoryEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(waves);
        for (var attempt = 0; ; attempt++)
        {
            var row = await waves.GetEntityIfExistsAsync<TableEntity>(panelId, WaveEntity.Key(wave), [Property], cancellationToken).ConfigureAwait(false);
            if (!row.HasValue) return; // No wave row (panel deleted): the blob's metadata alone records the rewrite.
            var history = Parse(row.Value!.GetString(Property)).Append(entry).ToList();
            var update = new TableEntity(panelId, WaveEntity.Key(wave)) { [Property] = JsonSerializer.Serialize(history, Json) };
            try
            {
                await waves.UpdateEntityAsync(update, row.Value!.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < 5)
            {
                // The row changed meanwhile (another erasure, the sealer, the dispatcher): read again and append on top.
            }
        }
    }
}
