using Tracker.Engine.Panels;
using Tracker.Model.Time;

namespace Tracker.Engine.Exports;

/// <summary>
/// Streams a panel's responses as long rows, wave by wave in ascending order and by participant id within a wave.
/// Reading waves in order means a participant's first answered wave is met first, so <c>days</c> needs only one
/// timestamp per participant in memory, never the responses themselves.
/// </summary>
public static class LongRows
{
    public static async IAsyncEnumerable<LongRow> ReadAsync(IResponseSource source, Panel panel, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var firstSubmitted = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        for (var wave = 1; wave <= panel.Schedule.Waves; wave++)
        {
            await foreach (var response in source.ReadWaveAsync(panel.Id, wave, cancellationToken).ConfigureAwait(false))
            {
                if (!firstSubmitted.TryGetValue(response.ParticipantId, out var first))
                {
                    first = response.SubmittedAt;
                    firstSubmitted[response.ParticipantId] = first;
                }

                yield return new LongRow(response, ModelTimeAxis.Between(first, response.SubmittedAt));
            }
        }
    }
}
