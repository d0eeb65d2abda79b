using Tracker.Engine.Panels;
using Tracker.Model.Time;

namespace Tracker.Engine.Exports;

/// <summary>
/// Streams a panel's responses as long rows, wave by wave in ascending order and by participant id within a wave.
/// Reading waves in order means a participant's first answered wave is met first, so <c>days</c> needs only one
/// timestamp per participant in memory, never the responses themselves. With <c>withCareless</c> each wave is read
/// twice: first for its careless-answer indices (D² needs the whole wave; only the answers are kept), then for the rows.
/// </summary>
public static class LongRows
{
    public static async IAsyncEnumerable<LongRow> ReadAsync(IResponseSource source, Panel panel, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken, bool withCareless = false)
    {
        var firstSubmitted = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        for (var wave = 1; wave <= panel.Schedule.Waves; wave++)
        {
            var careless = withCareless ? await Careless.WaveCarelessness.ScoreWaveAsync(source, panel, wave, cancellationToken).ConfigureAwait(false) : null;
            await foreach (var response in source.ReadWaveAsync(panel.Id, wave, cancellationToken).ConfigureAwait(false))
            {
                if (!firstSubmitted.TryGetValue(response.ParticipantId, out var first))
                {
                    first = response.SubmittedAt;
                    firstSubmitted[response.ParticipantId] = first;
                }

                yield return new LongRow(response, ModelTimeAxis.Between(first, response.SubmittedAt)) { Careless = careless?.GetValueOrDefault(response.ParticipantId) };
            }
        }
    }
}
