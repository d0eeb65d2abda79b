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
    private int flagged;
    private Task<int>? counting;

    /// <summary>Responses flagged over the waves read so far (waiting, if need be, for the last wave's count).</summary>
    public int Flagged
    {
        get
        {
            Settle();
            return flagged;
        }
    }

    /// <summary>Of them, those left out of the aggregate (0 unless the panel excludes flagged responses).</summary>
    public int Excluded { get; private set; }

    public int ExcludedIn(int wave) => excludedByWave.GetValueOrDefault(wave);

    /// <summary>
    /// The wave's rows for the aggregate. Without exclusion the rows pass straight through and only their answers are
    /// kept to count the flags at the end; with it the wave is read twice (scores first, since D² needs the whole
    /// wave, then the rows). Either way only the wave's answers are held, a byte an item in one array
    /// (<see cref="CarelessWave"/>), never the responses.
    /// </summary>
    public async IAsyncEnumerable<StoredResponse> ReadWaveAsync(IResponseSource source, int wave, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var rows = ModelRow.LoadEach(source.ReadWaveAsync(panel.Id, wave, cancellationToken), new ModelRow(panel.Instrument), cancellationToken);
        await foreach (var row in FilterAsync(source, wave, rows, cancellationToken).ConfigureAwait(false))
        {
            yield return row.Response!;
        }
    }

    /// <summary>
    /// The same rows for the model's read, each loaded into <paramref name="row"/> (answers and scores by position, the
    /// same instance every time) by the source (<see cref="IResponseSource.ReadWaveRowsAsync"/>: a sealed wave straight
    /// from its text, no response object); the careless pass reads its answers from the same positions.
    /// </summary>
    public IAsyncEnumerable<ModelRow> ReadWaveAsync(IResponseSource source, int wave, ModelRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(row);
        return FilterAsync(source, wave, source.ReadWaveRowsAsync(panel.Id, wave, row, cancellationToken), cancellationToken);
    }

    /// <param name="rows">The wave's rows, not yet read (with exclusion they are read after the scores).</param>
    private async IAsyncEnumerable<ModelRow> FilterAsync(IResponseSource source, int wave, IAsyncEnumerable<ModelRow> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!panel.Careless.ExcludeFromModels)
        {
            var answers = new CarelessWave(panel.Instrument.Items.Count(), lastWaveCount);
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                answers.Add(row.Answers, row.SecondsToSubmit);
                yield return row;
            }

            lastWaveCount = answers.Count;
            // The wave is counted on another thread while the next one is read (the scorer serves one count at a
            // time, so the previous count is settled first); Flagged waits for the last.
            Settle();
            counting = Task.Run(() => scorer.CountFlagged(answers), cancellationToken);
            yield break;
        }

        var scores = await WaveCarelessness.ScoreWaveAsync(source, panel, wave, cancellationToken).ConfigureAwait(false);
        flagged += scores.Values.Count(s => s.Flagged);
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (scores.TryGetValue(row.ParticipantId, out var score) && score.Flagged)
            {
                Excluded++;
                excludedByWave[wave] = ExcludedIn(wave) + 1;
                continue;
            }

            yield return row;
        }
    }

    private void Settle()
    {
        if (counting is null) return;
        // CPU work on the thread pool, never waiting on this caller's context: blocking on it cannot deadlock.
        flagged += counting.GetAwaiter().GetResult();
        counting = null;
    }
}
