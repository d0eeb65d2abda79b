using Tracker.Engine.Participants;
using Tracker.Engine.Responses;

namespace Tracker.Engine.Exports;

/// <summary>The responses and participants tables as an <see cref="IResponseSource"/>.</summary>
public sealed class TableResponseSource(ResponseRepository responses, ParticipantRepository participants) : IResponseSource
{
    public IAsyncEnumerable<StoredResponse> ReadWaveAsync(string panelId, int wave, CancellationToken cancellationToken) =>
        responses.ListAsync(panelId, wave, cancellationToken);

    public async IAsyncEnumerable<string> ParticipantIdsAsync(string panelId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Participant rows are small (no answers); ids only are kept, sorted as the merge needs them.
        var all = await participants.ListEntitiesAsync(panelId, cancellationToken).ConfigureAwait(false);
        foreach (var id in all.Select(p => p.RowKey).Order(StringComparer.Ordinal))
        {
            yield return id;
        }
    }
}
