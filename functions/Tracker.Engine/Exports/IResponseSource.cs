using Tracker.Engine.Responses;

namespace Tracker.Engine.Exports;

/// <summary>
/// Where exports read a panel's rows from. Both sequences are ordered by participant id (Table storage returns a
/// partition in row-key order), which lets the wide export merge the waves without holding them in memory.
/// </summary>
public interface IResponseSource
{
    IAsyncEnumerable<StoredResponse> ReadWaveAsync(string panelId, int wave, CancellationToken cancellationToken);

    IAsyncEnumerable<string> ParticipantIdsAsync(string panelId, CancellationToken cancellationToken);
}
