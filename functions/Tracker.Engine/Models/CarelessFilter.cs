using System.Runtime.CompilerServices;
using Tracker.Analysis.Careless;
using Tracker.Engine.Careless;
using Tracker.Engine.Exports;
using Tracker.Engine.Panels;
using Tracker.Engine.Responses;

namespace Tracker.Engine.Models;

/// <summary>
/// Sits between the response source and the model's aggregate, one wave at a time: counts the responses the panel's
/// careless-answer thresholds flag and, when the panel says so (<see cref="CarelessSettings.ExcludeFromModels"/>),
/// leaves them out. Flags are those of the exports (<see cref="WaveCarelessness"/>), so the count left out is the
/// count of <c>careless_flagged = 1</c> rows.
/// </summary>
public sealed class CarelessFilter(Panel panel)
{
    private readonly Dictionary<int, int> excludedByWave = [];
    private readonly CarelessScorer scorer = WaveCarelessness.Scorer(panel.Instrument, panel.Careless.Thresholds);
    private int lastWaveCount;

    /// <summary>Responses flagged over the waves read so far.</summary>
    public int Flagged { get; private set; }

    /// <summary>Of them, those left out of the aggregate (0 unless the panel excludes flagged responses).</summary>
    public int Excluded { get; private set; }

    public int ExcludedIn(int wave) => excludedByWave.GetValueOrDefault(wave);

    /// <summary>
    /// The wave's rows for the aggregate. Without exclusion the rows pass straight through and only their answers are
    /// kept to count the flags at the end; with it the wave is read twice (scores first, since D² needs the whole
    /// wave, then the rows). Either way only the wave's answers are held, a byte an item in one array
    /// (<see cref="CarelessWave"/>), never the responses.
    /// </summary>
    public IAsyncEnumerable<StoredResponse> ReadWaveAsync(IResponseSource source, int wave, CancellationToken cancellationToken) =>
        ReadWaveAsync(source, wave, new ModelRow(panel.Instrument), cancellationToken);

    /// <summary>
    /// The same, with each yielded response also loaded into <paramref name="row"/> (its answers and scores by
    /// position), which the careless pass reads its answers from: one look-up of each response's values for both.
    /// </summary>
    public async IAsyncEnumerable<StoredResponse> ReadWaveAsync(IResponseSource source, int wave, ModelRow row, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(row);
        if (!panel.Careless.ExcludeFromModels)
        {
            var answers = new CarelessWave(row.Items.Count, lastWaveCount);
            await foreach (var response in source.ReadWaveAsync(panel.Id, wave, cancellationToken).ConfigureAwait(false))
            {
                row.Load(response);
                answers.Add(row.Answers, response.SecondsToSubmit);
                yield return response;
            }

            lastWaveCount = answers.Count;
            Flagged += scorer.CountFlagged(answers);
            yield break;
        }

        var scores = await WaveCarelessness.ScoreWaveAsync(source, panel, wave, cancellationToken).ConfigureAwait(false);
        Flagged += scores.Values.Count(s => s.Flagged);
        await foreach (var response in source.ReadWaveAsync(panel.Id, wave, cancellationToken).ConfigureAwait(false))
        {
            if (scores.TryGetValue(response.ParticipantId, out var score) && score.Flagged)
            {
                Excluded++;
                excludedByWave[wave] = ExcludedIn(wave) + 1;
                continue;
            }

            row.Load(response);
            yield return response;
        }
    }
}
