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

    /// <summary>
    /// The same rows as <see cref="ReadWaveAsync"/> for the model's read, each loaded into <paramref name="row"/> (the
    /// same instance every time, valid until the next): by default from the stored responses; a source that can read a
    /// wave straight into the row's positions (a sealed snapshot) does so without a response object per row.
    /// </summary>
    IAsyncEnumerable<Models.ModelRow> ReadWaveRowsAsync(string panelId, int wave, Models.ModelRow row, CancellationToken cancellationToken) =>
        Models.ModelRow.LoadEach(ReadWaveAsync(panelId, wave, cancellationToken), row, cancellationToken);
}
