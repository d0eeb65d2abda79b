using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Engine.Careless;
using Tracker.Engine.Exports;
using Tracker.Engine.Models;
using Tracker.Engine.Panels;
using Tracker.Engine.Responses;
using Tracker.Engine.Scoring;
using Tracker.Engine.Sealing;
using Tracker.Model.Models;
using Tracker.Model.Time;

namespace Tracker.EndToEnd.Tests;

/// <summary>
/// The aggregation streams sealed waves into what the models need; the stored document must be the one the whole long
/// table gives — every response read into memory, the long table built, Tracker.Analysis run on it, as before the
/// aggregation streamed — on the same panel in Azurite, byte for byte.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class StreamedModelTests(StackFixture stack)
{
    private const int Waves = 4;
    private const int Participants = 80;

    private T Service<T>() where T : notnull => stack.Stack.Host.Services.GetRequiredService<T>();

    [Fact]
    public async Task The_stored_model_of_a_sealed_panel_equals_the_long_table_fit_to_the_last_digit()
    {
        var panelId = await stack.CreatePanelAsync(waves: Waves, interval: "P7D", window: "P5D");
        var panel = (await Service<PanelRepository>().GetAsync(panelId, CancellationToken.None))!;
        await SealSimulatedWavesAsync(panel);
        stack.Clock.Advance(TimeSpan.FromDays(7 * Waves));

        var outcome = await Service<WillingnessModelService>().FitIfStaleAsync(panel, CancellationToken.None);
        Assert.True(outcome.Fitted);
        var stored = await Service<ModelStore>().GetLatestJsonAsync(panelId, CancellationToken.None);

        // The reading also counts careless-answer flags, wave by wave as the exports do (the panel keeps flagged responses).
        var flagged = 0;
        for (var wave = 1; wave <= Waves; wave++)
        {
            var scores = await WaveCarelessness.ScoreWaveAsync(Service<IResponseSource>(), panel, wave, CancellationToken.None);
            flagged += scores.Values.Count(s => s.Flagged);
        }

        var expected = ModelJson.Serialize(WillingnessModelFitter.Fit(await LongTableInputAsync(panel, outcome.Model!.FittedAt)) with { CarelessFlagged = flagged, PartialExcluded = 0 });
        Assert.Equal(expected, stored);
        Assert.True(outcome.Model.Analysis.Growth.Converged, outcome.Model.Analysis.Growth.Message);
        Assert.NotEmpty(outcome.Model.Analysis.Reliability["willingness"].Waves);
    }

    /// <summary>
    /// Today's reading before the aggregation streamed, kept here as the oracle: every response of every started wave
    /// in memory, days from each participant's first answered wave, each wave's days their mean.
    /// </summary>
    private async Task<ModelInput> LongTableInputAsync(Panel panel, DateTimeOffset fittedAt)
    {
        var source = Service<IResponseSource>();
        var read = new List<(StoredResponse Response, int Wave)>();
        for (var wave = 1; wave <= Waves; wave++)
        {
            await foreach (var response in source.ReadWaveAsync(panel.Id, wave, CancellationToken.None)) read.Add((response, wave));
        }

        var first = ModelTimeAxis.FirstAnswered(read.Select(r => new TimedAnswer(r.Response.ParticipantId, r.Wave, r.Response.SubmittedAt)));
        var records = read.Select(r => new ResponseRecord(r.Response.ParticipantId, r.Wave, r.Response.Scores, r.Response.Answers)
        {
            Days = ModelTimeAxis.Between(first[r.Response.ParticipantId], r.Response.SubmittedAt),
        }).ToList();
        var reading = await Service<WillingnessModelService>().ReadAsync(panel, fittedAt, CancellationToken.None);
        var waves = reading.Panel.Waves.Select(w => w with
        {
            Responded = records.Count(r => r.Wave == w.Wave),
            Days = ModelTimeAxis.WaveMean(records.Where(r => r.Wave == w.Wave).Select(r => r.Days!.Value)),
        }).ToList();
        return reading.Panel with { Responses = records, Waves = waves, LatestResponseAt = read.Max(r => r.Response.SubmittedAt) };
    }

    /// <summary>
    /// Answers drifting down with participant-level noise; some join late, some drop out, some skip an item (so item
    /// columns have gaps and α drops incomplete answers); each wave is written in a shuffled order.
    /// </summary>
    private async Task SealSimulatedWavesAsync(Panel panel)
    {
        var random = new Random(16);
        var ids = Enumerable.Range(0, Participants).Select(_ => Tracker.Engine.Common.Ids.NewParticipantId()).ToArray();
        var level = ids.Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var items = panel.Instrument.Items.ToList();
        var store = Service<SealedWaveStore>();
        for (var wave = 1; wave <= Waves; wave++)
        {
            var rows = new List<StoredResponse>();
            for (var p = 0; p < Participants; p++)
            {
                var joins = p % 10 == 0 ? 2 : 1;
                var leaves = p % 7 == 0 ? 2 : Waves;
                if (wave < joins || wave > leaves || random.NextDouble() < 0.1) continue;
                var answers = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var item in items)
                {
                    if (random.NextDouble() < 0.03) continue;
                    var mean = 5.0 - 0.3 * wave + level[p] + random.NextDouble() * 2 - 1;
                    var value = Math.Clamp((int)Math.Round(mean), panel.Instrument.Scale.Min, panel.Instrument.Scale.Max);
                    answers[item.Id] = item.Reversed ? panel.Instrument.Scale.Min + panel.Instrument.Scale.Max - value : value;
                }

                var submitted = panel.Schedule.OpensAt(wave).AddMinutes(random.Next(0, 4 * 24 * 60)).AddSeconds(random.Next(0, 60));
                rows.Add(new StoredResponse(panel.Id, wave, ids[p], answers, ConstructScorer.Score(panel.Instrument, answers), submitted, submitted, 1));
            }

            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
            Assert.Equal(rows.Count, await store.TryWriteAsync(panel.Id, wave, panel.Instrument, ToAsync(rows), CancellationToken.None));
        }
    }

    private static async IAsyncEnumerable<StoredResponse> ToAsync(IEnumerable<StoredResponse> rows, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
