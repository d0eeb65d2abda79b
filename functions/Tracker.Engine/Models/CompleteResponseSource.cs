using System.Runtime.CompilerServices;
using Tracker.Engine.Exports;
using Tracker.Engine.Responses;

namespace Tracker.Engine.Models;

/// <summary>
/// The responses the models read: partial ones (the last page not submitted) are left out and counted, unless the
/// panel includes them (<see cref="ModelSettings.IncludePartial"/>). Counts each wave once, however often it is read.
/// </summary>
public sealed class CompleteResponseSource(IResponseSource inner, bool includePartial) : IResponseSource
{
    private readonly Dictionary<int, int> partialByWave = [];

    /// <summary>Partial responses left out over the waves read.</summary>
    public int Excluded => partialByWave.Values.Sum();

    public async IAsyncEnumerable<StoredResponse> ReadWaveAsync(string panelId, int wave, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var partial = 0;
        await foreach (var response in inner.ReadWaveAsync(panelId, wave, cancellationToken).ConfigureAwait(false))
        {
            if (!includePartial && !response.Complete)
            {
                partial++;
                continue;
            }

            yield return response;
        }

        partialByWave[wave] = partial;
    }

    public async IAsyncEnumerable<ModelRow> ReadWaveRowsAsync(string panelId, int wave, ModelRow row, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var partial = 0;
        await foreach (var loaded in inner.ReadWaveRowsAsync(panelId, wave, row, cancellationToken).ConfigureAwait(false))
        {
            if (!includePartial && !loaded.Complete)
            {
                partial++;
                continue;
            }

            yield return loaded;
        }

        partialByWave[wave] = partial;
    }

    public IAsyncEnumerable<string> ParticipantIdsAsync(string panelId, CancellationToken cancellationToken) => inner.ParticipantIdsAsync(panelId, cancellationToken);
}
