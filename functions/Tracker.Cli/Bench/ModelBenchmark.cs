using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Analysis;
using Tracker.Cli.Analyze;
using Tracker.Cli.Demo;
using Tracker.LocalHost.App;
using Tracker.Engine.Exports;
using Tracker.Engine.Models;
using Tracker.Engine.Panels;
using Tracker.Engine.Responses;
using Tracker.Engine.Scoring;
using Tracker.Engine.Sealing;
using Tracker.Engine.Storage;
using Tracker.Model.Models;

namespace Tracker.Cli.Bench;

/// <summary>
/// FitWillingnessModel's work on a large synthetic panel, against baselines in the same run. The panel's waves have
/// all closed and are sealed (written straight to their snapshot blobs, the realistic state of a closed wave), with
/// answers drawn by the demo's simulation. Phases: (1) just reading the sealed rows; (2) the long CSV export, then
/// <c>tracker analyze</c>'s load-and-analyse on that CSV; (3) the aggregation itself: stream the sealed waves into
/// the aggregate, every model, store. Before them all, the floor: downloading the sealed blobs' bytes, nothing parsed.
/// </summary>
public sealed class ModelBenchmark(TrackerStack stack, ModelBenchClock clock)
{
    public async Task<IReadOnlyList<ModelBenchPhase>> RunAsync(int participants, int waves, int seed, bool seedTable, bool baselines, string workDirectory, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var services = stack.Host.Services;
        var now = clock.GetUtcNow();
        var definition = new PanelDefinition
        {
            Name = "Benchmark panel",
            Instrument = JsonDocument.Parse("\"default\"").RootElement.Clone(),
            Schedule = new ScheduleDefinition { Start = now.AddDays(-7 * waves - 1), Waves = waves, Interval = "P7D", Window = "P5D" },
        };
        // Created "before" its start (a panel whose waves have all closed is refused), then the clock returns to now.
        clock.Offset = -TimeSpan.FromDays(7 * waves + 2);
        var created = await services.GetRequiredService<PanelService>().CreateAsync(definition, cancellationToken).ConfigureAwait(false);
        clock.Offset = TimeSpan.Zero;
        var panel = created.Value ?? throw new InvalidOperationException(string.Join("; ", created.Problems));
        var phases = new List<ModelBenchPhase>();

        phases.Add(await SeedAsync(panel, participants, waves, seed, seedTable, now, progress, cancellationToken).ConfigureAwait(false));
        if (baselines) await BaselinesAsync(panel, seedTable, workDirectory, phases, progress, cancellationToken).ConfigureAwait(false);
        await AggregateAsync(panel, phases, progress, cancellationToken).ConfigureAwait(false);
        return phases;
    }

    /// <summary>
    /// Writes the panel's waves as sealed blobs (and table rows when asked). Its own method so that the simulated
    /// population and the ids (at a million participants a few hundred megabytes) are garbage before the measured
    /// phases, instead of living on in the caller's state machine and counting against the aggregation's peak.
    /// </summary>
    private async Task<ModelBenchPhase> SeedAsync(Panel panel, int participants, int waves, int seed, bool seedTable, DateTimeOffset now, Action<string> progress, CancellationToken cancellationToken)
    {
        var ids = Enumerable.Range(0, participants).Select(_ => Tracker.Engine.Common.Ids.NewParticipantId()).Order(StringComparer.Ordinal).ToArray();
        var population = new DemoPopulation(DemoTruth.Default, seed);
        var people = population.Draw(participants, waves);
        var store = stack.Host.Services.GetRequiredService<SealedWaveStore>();
        progress($"Seeding {participants.ToString("N0", CultureInfo.InvariantCulture)} participants × {waves} waves as sealed blobs{(seedTable ? " and table rows" : "")}…");
        var (_, seeding) = await ModelBenchPhase.MeasureAsync(ModelBenchPhase.Seed, "seed: sealed blobs" + (seedTable ? " + responses table" : ""), async () =>
        {
            var total = 0;
            for (var wave = 1; wave <= waves; wave++)
            {
                var rows = Simulate(panel, population, people, ids, wave, now).ToList();
                await store.TryWriteAsync(panel.Id, wave, panel.Instrument, ToAsync(rows), cancellationToken).ConfigureAwait(false);
                if (seedTable) await InsertAsync(panel.Id, wave, rows, cancellationToken).ConfigureAwait(false);
                total += rows.Count;
                progress($"  wave {wave}: {rows.Count.ToString("N0", CultureInfo.InvariantCulture)} responses");
            }

            return (0, total);
        }).ConfigureAwait(false);
        return seeding;
    }

    /// <summary>The baselines the aggregation is compared with: the blobs' bytes, the rows read, the CSV export and analyze on it.</summary>
    private async Task BaselinesAsync(Panel panel, bool seedTable, string workDirectory, List<ModelBenchPhase> phases, Action<string> progress, CancellationToken cancellationToken)
    {
        var services = stack.Host.Services;
        progress("Baseline: downloading the sealed blobs' bytes…");
        phases.Add((await ModelBenchPhase.MeasureAsync(ModelBenchPhase.BlobBytes, "baseline: download sealed blobs (bytes only; rows = MB)", async () => (0, await DownloadAsync(panel, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false)).Phase);

        var source = services.GetRequiredService<IResponseSource>();
        progress("Baseline: reading the sealed rows without modelling…");
        phases.Add((await ModelBenchPhase.MeasureAsync(ModelBenchPhase.ReadRows, "baseline: read sealed rows", async () => (0, await CountAsync(source, panel, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false)).Phase);

        if (seedTable)
        {
            var table = services.GetRequiredService<TableResponseSource>();
            progress("Baseline: reading the same rows from the responses table…");
            phases.Add((await ModelBenchPhase.MeasureAsync(ModelBenchPhase.ReadTable, "baseline: read responses table", async () => (0, await CountAsync(table, panel, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false)).Phase);
        }

        var csv = Path.Combine(workDirectory, $"{panel.Id}-long.csv");
        progress("Baseline: the long CSV export, then tracker analyze on it…");
        phases.Add((await ModelBenchPhase.MeasureAsync(ModelBenchPhase.ExportCsv, "baseline: export long CSV", async () =>
        {
            await using var file = File.Create(csv);
            await services.GetRequiredService<PanelExporter>().WriteAsync(panel, ExportFormat.LongCsv, file, cancellationToken).ConfigureAwait(false);
            return (0, 0);
        }).ConfigureAwait(false)).Phase);
        phases.Add((await ModelBenchPhase.MeasureAsync(ModelBenchPhase.AnalyzeCsv, "baseline: tracker analyze on that CSV", () =>
        {
            var table = CsvTableLoader.Load(csv, WillingnessFormula.Subject);
            PanelAnalysis.Analyze(table, WillingnessFormula.Options("willingness", WillingnessFormula.Growth("willingness")));
            return Task.FromResult((0, table.RowCount));
        }).ConfigureAwait(false)).Phase);
        File.Delete(csv);
    }

    /// <summary>FitWillingnessModel's work: stream the sealed waves into the aggregate, every model, store; timed as a whole and by part.</summary>
    private async Task AggregateAsync(Panel panel, List<ModelBenchPhase> phases, Action<string> progress, CancellationToken cancellationToken)
    {
        var services = stack.Host.Services;
        progress("Tracker: FitWillingnessModel's work (stream the sealed waves into the aggregate, every model, store)…");
        var models = services.GetRequiredService<WillingnessModelService>();
        var (fit, aggregation) = await ModelBenchPhase.MeasureAsync(ModelBenchPhase.Aggregation, "Tracker: aggregation (all of the below)", async () =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var cpu = ModelBenchPhase.CpuNow();
            var reading = await models.ReadAsync(panel, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            var read = (Wall: System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, Cpu: ModelBenchPhase.CpuNow() - cpu);
            var model = WillingnessModelFitter.Fit(reading.Panel, reading.Aggregate);
            var fitted = (Wall: System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, Cpu: ModelBenchPhase.CpuNow() - cpu);
            await services.GetRequiredService<ModelStore>().SaveAsync(model, cancellationToken).ConfigureAwait(false);
            var stored = (Wall: System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, Cpu: ModelBenchPhase.CpuNow() - cpu);
            return ((read, fitted, stored, model), reading.Aggregate.Responses);
        }).ConfigureAwait(false);
        phases.Add(aggregation);
        phases.Add(ModelBenchPhase.Part("aggregation_read", "  of which: stream rows into the aggregate, per-wave sections (ReadAsync)", aggregation.Rows, fit.read.Wall, fit.read.Cpu));
        phases.Add(ModelBenchPhase.Part("aggregation_models", "  of which: growth, decay, persistence, retention, covariate", aggregation.Rows, fit.fitted.Wall - fit.read.Wall, fit.fitted.Cpu - fit.read.Cpu));
        phases.Add(ModelBenchPhase.Part("aggregation_store", "  of which: store JSON + CSV blobs", aggregation.Rows, fit.stored.Wall - fit.fitted.Wall, fit.stored.Cpu - fit.fitted.Cpu));
        progress($"Decay: initial {fit.model.Analysis.Decay.Initial?.Estimate:F2}, plateau {fit.model.Analysis.Decay.Plateau?.Estimate:F2}, half-life {fit.model.Analysis.Decay.HalfLife?.Estimate:F1} days (truth {DemoTruth.Default.Initial}, {DemoTruth.Default.Plateau}, {DemoTruth.Default.HalfLifeDays}).");
    }

    /// <summary>One wave's responses in participant-id order, drawn as the demo draws them; scores by the survey's own scorer.</summary>
    private static IEnumerable<StoredResponse> Simulate(Panel panel, DemoPopulation population, IReadOnlyList<SimulatedParticipant> people, string[] ids, int wave, DateTimeOffset now)
    {
        var days = (wave - 1) * 7.0;
        var submitted = panel.Schedule.OpensAt(wave).AddHours(6);
        for (var i = 0; i < ids.Length; i++)
        {
            if (!population.Answers(people[i], wave)) continue;
            var answers = population.AnswersFor(people[i], panel.Instrument, days);
            yield return new StoredResponse(panel.Id, wave, ids[i], answers, ConstructScorer.Score(panel.Instrument, answers), submitted, submitted < now ? submitted : now, 1);
        }
    }

    private async Task InsertAsync(string panelId, int wave, List<StoredResponse> rows, CancellationToken cancellationToken)
    {
        var table = stack.Host.Services.GetRequiredService<TrackerStorage>().Table(StorageNames.ResponsesTable);
        // 100-entity transactions (Table storage's limit), eight in flight: the fastest way Azurite takes rows.
        await Parallel.ForEachAsync(rows.Chunk(100), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (chunk, token) =>
            await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, new ResponseEntity
            {
                PartitionKey = ResponseEntity.Partition(panelId, wave),
                RowKey = r.ParticipantId,
                AnswersJson = JsonSerializer.Serialize(r.Answers),
                ScoresJson = JsonSerializer.Serialize(r.Scores),
                FirstSubmittedAt = r.FirstSubmittedAt,
                SubmittedAt = r.SubmittedAt,
                Revision = r.Revision,
            })), token).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>The floor under any reading: each sealed wave's blob downloaded to nowhere, nothing parsed. Returns the bytes' megabytes as its "rows".</summary>
    private async Task<int> DownloadAsync(Panel panel, CancellationToken cancellationToken)
    {
        var container = stack.Host.Services.GetRequiredService<TrackerStorage>().Container(StorageNames.SealedWavesContainer);
        long bytes = 0;
        for (var wave = 1; wave <= panel.Schedule.Waves; wave++)
        {
            var download = await container.GetBlobClient(SealedWaveStore.BlobName(panel.Id, wave)).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await using var content = download.Value.Content;
            var counter = new CountingStream();
            await content.CopyToAsync(counter, cancellationToken).ConfigureAwait(false);
            bytes += counter.Length;
        }

        return (int)(bytes / 1_000_000);
    }

    private static async Task<int> CountAsync(IResponseSource source, Panel panel, CancellationToken cancellationToken)
    {
        var count = 0;
        for (var wave = 1; wave <= panel.Schedule.Waves; wave++)
        {
            await foreach (var _ in source.ReadWaveAsync(panel.Id, wave, cancellationToken).ConfigureAwait(false)) count++;
        }

        return count;
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
