using Tracker.Engine.Exports;
using Tracker.Engine.Responses;

namespace Tracker.Engine.Tests.Exports;

/// <summary>Responses held in memory, served in participant-id order per wave as Table storage serves them.</summary>
internal sealed class InMemoryResponseSource(IEnumerable<StoredResponse> responses, IEnumerable<string>? participants = null) : IResponseSource
{
    private readonly List<StoredResponse> _responses = responses.ToList();
    private readonly List<string> _participants = (participants ?? responses.Select(r => r.ParticipantId)).Distinct().ToList();

    public async IAsyncEnumerable<StoredResponse> ReadWaveAsync(string panelId, int wave, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var response in _responses.Where(r => r.Wave == wave).OrderBy(r => r.ParticipantId, StringComparer.Ordinal))
        {
            await Task.Yield();
            yield return response;
        }
    }

    public async IAsyncEnumerable<string> ParticipantIdsAsync(string panelId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var id in _participants.Order(StringComparer.Ordinal))
        {
            await Task.Yield();
            yield return id;
        }
    }
}
