using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Tracker.Engine.Panels;
using Tracker.Engine.Responses;
using Tracker.Engine.Storage;
using Tracker.Engine.Telemetry;

namespace Tracker.Engine.Sealing;

/// <summary>
/// Seals a closed wave: its responses are written once to an immutable CSV blob, which exports and the
/// models then read instead of scanning the responses table, and the wave row records <see cref="WaveEntity.SealedAt"/>.
/// Sealing is idempotent and safe to race: the blob is created only if absent, so a second or concurrent seal finds
/// it and changes nothing. When to seal is the caller's decision; this only refuses a wave that has not closed.
/// </summary>
public sealed class WaveSealer(ResponseRepository responses, SealedWaveStore store, TrackerStorage storage, Invitations.InvitationLedger ledger, TimeProvider clock, ILogger<WaveSealer> logger)
{
    public async Task<SealOutcome> SealAsync(Panel panel, int wave, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentOutOfRangeException.ThrowIfLessThan(wave, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(wave, panel.Schedule.Waves);
        using var activity = EngineTelemetry.StartSealing(panel.Id, wave);

        // A wave still open can still change; sealing it would freeze answers out of every later export and model.
        // Open means for anyone: a late invitation keeps its participant's window open past the schedule's close.
        if (clock.GetUtcNow() < panel.Schedule.LatestClose(wave)) return new SealOutcome(SealStatus.NotClosed, 0, null) { ClosesAt = panel.Schedule.LatestClose(wave) };
        var closes = await ledger.ClosesForEveryoneAtAsync(panel, wave, cancellationToken).ConfigureAwait(false);
        if (clock.GetUtcNow() < closes) return new SealOutcome(SealStatus.NotClosed, 0, null) { ClosesAt = closes };

        var recorded = await SealedAtAsync(panel.Id, wave, cancellationToken).ConfigureAwait(false);
        // A repeated seal reports what the snapshot holds, not the zero rows it wrote this time.
        if (await store.RowsAsync(panel.Id, wave, cancellationToken).ConfigureAwait(false) is { } sealedRows)
        {
            // A sealer that died between writing the blob and the row leaves the row unmarked; mark it now.
            return new SealOutcome(SealStatus.AlreadySealed, sealedRows, recorded ?? await RecordAsync(panel.Id, wave, cancellationToken).ConfigureAwait(false));
        }

        var written = await store.TryWriteAsync(panel.Id, wave, panel.Instrument, responses.ListAsync(panel.Id, wave, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (written is not { } rows)
        {
            logger.LogInformation("Wave {Wave} of panel {PanelId} was sealed by another run meanwhile", wave, panel.Id);
            var theirs = await store.RowsAsync(panel.Id, wave, cancellationToken).ConfigureAwait(false) ?? 0;
            return new SealOutcome(SealStatus.AlreadySealed, theirs, recorded ?? await RecordAsync(panel.Id, wave, cancellationToken).ConfigureAwait(false));
        }

        var at = await RecordAsync(panel.Id, wave, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Sealed wave {Wave} of panel {PanelId}: {Rows} responses", wave, panel.Id, rows);
        EngineTelemetry.WaveSealed(panel.Id, wave, rows);
        return new SealOutcome(SealStatus.Sealed, rows, at);
    }

    /// <summary>
    /// Takes an erased participant's rows out of every sealed wave of the panel and records each rewrite in the wave
    /// row's <see cref="SealHistory"/> (when, why, how many rows; not whose). Returns how many rows were removed.
    /// </summary>
    public async Task<int> RemoveErasedAsync(Panel panel, string participantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var total = 0;
        for (var wave = 1; wave <= panel.Schedule.Waves; wave++)
        {
            var now = clock.GetUtcNow();
            var removed = await store.RewriteWithoutAsync(panel.Id, wave, panel.Instrument, participantId, now, cancellationToken).ConfigureAwait(false);
            if (removed == 0) continue;
            await SealHistory.AppendAsync(storage.Table(StorageNames.WavesTable), panel.Id, wave, new SealHistoryEntry(now, SealHistoryEntry.Erasure, removed), cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Rewrote sealed wave {Wave} of panel {PanelId} without {Rows} erased rows", wave, panel.Id, removed);
            total += removed;
        }

        return total;
    }

    /// <summary>Whether the wave's snapshot exists (the blob is the truth; <see cref="WaveEntity.SealedAt"/> follows it).</summary>
    public Task<bool> IsSealedAsync(string panelId, int wave, CancellationToken cancellationToken) => store.ExistsAsync(panelId, wave, cancellationToken);

    /// <summary>The wave's sealed rows, or null when it is not sealed.</summary>
    public Task<IAsyncEnumerable<StoredResponse>?> ReadSealedAsync(Panel panel, int wave, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return store.OpenAsync(panel.Id, wave, panel.Instrument, cancellationToken);
    }

    public async Task<DateTimeOffset?> SealedAtAsync(string panelId, int wave, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = await storage.Table(StorageNames.WavesTable)
            .GetEntityIfExistsAsync<TableEntity>(panelId, WaveEntity.Key(wave), [nameof(WaveEntity.SealedAt)], cancellationToken).ConfigureAwait(false);
        return row.HasValue ? row.Value!.GetDateTimeOffset(nameof(WaveEntity.SealedAt)) : null;
    }

    /// <summary>Merges only <c>SealedAt</c> into the wave row, leaving every other property (opens, closes, dispatch) as it is.</summary>
    private async Task<DateTimeOffset?> RecordAsync(string panelId, int wave, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        try
        {
            await storage.Table(StorageNames.WavesTable).UpdateEntityAsync(
                new TableEntity(panelId, WaveEntity.Key(wave)) { [nameof(WaveEntity.SealedAt)] = at },
                ETag.All,
                TableUpdateMode.Merge,
                cancellationToken).ConfigureAwait(false);
            return at;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No wave row (the panel was deleted meanwhile): the blob alone records the seal.
            return null;
        }
    }
}
