using Tracker.Engine.Panels;
using Tracker.Engine.Responses;
using Tracker.Engine.Sealing;

namespace Tracker.Engine.Exports;

/// <summary>
/// Reads each wave from its sealed snapshot when there is one and from the responses table otherwise
/// (open waves, and closed waves not sealed yet). Both are in participant-id order and hold the same rows, so exports
/// and models are the same before and after a wave is sealed; only the cost differs (one blob read instead of a
/// table scan).
/// </summary>
/// <remarks>A snapshot cannot change, so participants whose responses were erased after sealing are left out as it is read.</remarks>
public sealed class SealedFirstResponseSource(SealedWaveStore sealedWaves, PanelRepository panels, Participants.ParticipantRepository participants, TableResponseSource table) : IResponseSource
{
    public async IAsyncEnumerable<StoredResponse> ReadWaveAsync(string panelId, int wave, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The snapshot is read with the panel's instrument, which names its answer and score columns.
        var panel = await panels.GetAsync(panelId, cancellationToken).ConfigureAwait(false);
        var rows = panel is null ? null : await sealedWaves.OpenAsync(panelId, wave, panel.Instrument, cancellationToken).ConfigureAwait(false);
        var erased = rows is null ? [] : await ErasedAsync(panelId, cancellationToken).ConfigureAwait(false);
        await foreach (var row in (rows ?? table.ReadWaveAsync(panelId, wave, cancellationToken)).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (!erased.Contains(row.ParticipantId)) yield return row;
        }
    }

    /// <summary>A sealed wave read straight into the row's positions (<see cref="SealedWaveStore.OpenRowsAsync"/>); any other from the table.</summary>
    public async IAsyncEnumerable<Models.ModelRow> ReadWaveRowsAsync(string panelId, int wave, Models.ModelRow row, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var panel = await panels.GetAsync(panelId, cancellationToken).ConfigureAwait(false);
        var rows = panel is null ? null : await sealedWaves.OpenRowsAsync(panelId, wave, panel.Instrument, row, cancellationToken).ConfigureAwait(false);
        if (rows is null)
        {
            await foreach (var loaded in Models.ModelRow.LoadEach(table.ReadWaveAsync(panelId, wave, cancellationToken), row, cancellationToken).ConfigureAwait(false))
            {
                yield return loaded;
            }

            yield break;
        }

        var erased = await ErasedAsync(panelId, cancellationToken).ConfigureAwait(false);
        await foreach (var loaded in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (!erased.Contains(loaded.ParticipantId)) yield return loaded;
        }
    }

    private async Task<HashSet<string>> ErasedAsync(string panelId, CancellationToken cancellationToken) =>
        (await participants.ListEntitiesAsync(panelId, cancellationToken).ConfigureAwait(false)).Where(p => p.ResponsesErased).Select(p => p.RowKey).ToHashSet(StringComparer.Ordinal);

    public IAsyncEnumerable<string> ParticipantIdsAsync(string panelId, CancellationToken cancellationToken) =>
        table.ParticipantIdsAsync(panelId, cancellationToken);
}
