using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tracker.LocalHost.App;

namespace Tracker.Cli.Bench;

/// <summary><c>tracker bench model</c>: the aggregation (FitWillingnessModel's work) on a large sealed panel, beside reading and analysing the same rows.</summary>
public static class ModelBenchCommand
{
    public static Command Create()
    {
        var participants = new Option<int>("--participants") { Description = "Participants in the synthetic panel.", DefaultValueFactory = _ => 100_000 };
        var waves = new Option<int>("--waves") { Description = "Waves, all closed and sealed.", DefaultValueFactory = _ => 8 };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated answers.", DefaultValueFactory = _ => 20261128 };
        var withTable = new Option<bool>("--with-table") { Description = "Also write the rows to the responses table (100-entity transactions) and time reading them from there." };
        var noBaselines = new Option<bool>("--no-baselines") { Description = "Seed and time the aggregation only: skip the blob download, read, CSV export and analyze baselines (for sizes where they take longer than the aggregation)." };
        var json = new Option<string?>("--json") { Description = "Also write the phases as JSON to this file." };
        var command = new Command("model", "Start Azurite, seed a synthetic panel (the demo's simulation) as sealed wave blobs, and time FitWillingnessModel's work — stream the waves into what the models need, every model, store — against downloading the blobs' bytes, just reading the same rows and against the long CSV export plus tracker analyze on it, with each phase's peak memory.")
        {
            participants, waves, seed, withTable, noBaselines, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(participants);
            var waveCount = parse.GetValue(waves);
            if (count is < 10 or > 1_000_000 || waveCount is < 2 or > 52)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("tracker bench model: --participants must be 10–1000000 and --waves 2–52.");
                return 2;
            }

            var work = Directory.CreateTempSubdirectory("tracker-bench-model-");
            try
            {
                var clock = new ModelBenchClock();
                var options = BenchCommand.StackOptions();
                options.Clock = clock;
                await using var stack = await TrackerStack.StartAsync(options, cancellationToken);
                var phases = await new ModelBenchmark(stack, clock).RunAsync(count, waveCount, parse.GetValue(seed), parse.GetValue(withTable), !parse.GetValue(noBaselines), work.FullName,
                    line => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(line)}[/]"), cancellationToken);
                Print(count, waveCount, phases);
                if (parse.GetValue(json) is { } path)
                {
                    await File.WriteAllTextAsync(path, ModelBenchReport.Json(count, waveCount, phases) + "\n", cancellationToken);
                }

                return 0;
            }
            finally
            {
                work.Delete(recursive: true);
            }
        });
        return command;
    }

    private static void Print(int participants, int waves, IReadOnlyList<ModelBenchPhase> phases)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"Aggregation: {participants.ToString("N0", CultureInfo.InvariantCulture)} participants × {waves.ToString(CultureInfo.InvariantCulture)} waves")
            .AddColumn("phase").AddColumn(new TableColumn("rows").RightAligned()).AddColumn(new TableColumn("wall s").RightAligned()).AddColumn(new TableColumn("CPU s").RightAligned())
            .AddColumn(new TableColumn("peak heap MB").RightAligned()).AddColumn(new TableColumn("peak working set MB").RightAligned()).AddColumn(new TableColumn("allocated MB").RightAligned());
        foreach (var phase in phases)
        {
            table.AddRow(
                Markup.Escape(phase.Name),
                phase.Rows == 0 ? "" : phase.Rows.ToString("N0", CultureInfo.InvariantCulture),
                phase.Seconds.ToString("N2", CultureInfo.InvariantCulture),
                phase.CpuSeconds.ToString("N2", CultureInfo.InvariantCulture),
                Mb(phase.PeakHeapMb),
                Mb(phase.PeakWorkingSetMb),
                Mb(phase.AllocatedMb));
        }

        AnsiConsole.Write(table);
    }

    private static string Mb(double value) => double.IsNaN(value) ? "" : value.ToString("N0", CultureInfo.InvariantCulture);
}
