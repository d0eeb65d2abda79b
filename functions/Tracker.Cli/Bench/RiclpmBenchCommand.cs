using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Tracker.Cli.Bench;

/// <summary><c>tracker bench riclpm</c>: the RI-CLPM on a large simulated panel, Tracker's whole process against lavaan's fit alone in the same run.</summary>
public static class RiclpmBenchCommand
{
    public static Command Create()
    {
        var participants = BenchCommand.SizeOption("--participants", "Participants in the simulated panel.", 100_000);
        var waves = BenchCommand.SizeOption("--waves", "Waves.", 8);
        var seed = BenchCommand.SeedOption(20261202);
        var equal = new Option<bool>("--equal") { Description = "Hold the lagged paths equal over waves (default: free per wave)." };
        var noLavaan = new Option<bool>("--no-lavaan") { Description = "Time Tracker alone even when Rscript and lavaan are present." };
        var json = BenchCommand.JsonOption();
        var command = new Command("riclpm", "Simulate a two-construct panel with attrition, write the long CSV, and time Tracker's whole RI-CLPM process (read, reshape, fit, fit measures) against lavaan's fit alone on the already-wide data (when Rscript and lavaan are present), with peak memory and the largest difference between their lagged paths.")
        {
            participants, waves, seed, equal, noLavaan, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(participants);
            var waveCount = parse.GetValue(waves);
            if (count is < 50 or > 2_000_000 || waveCount is < 3 or > 30)
                return await BenchCommand.OutOfRangeAsync(parse, "riclpm", "--participants must be 50–2000000 and --waves 3–30");
            var jsonPath = parse.GetValue(json);
            var work = Directory.CreateTempSubdirectory("tracker-bench-riclpm-");
            try
            {
                var report = await RiclpmBenchmark.RunAsync(count, waveCount, parse.GetValue(seed), parse.GetValue(equal), !parse.GetValue(noLavaan),
                    work.FullName, BenchOutput.Progress(jsonPath), cancellationToken);
                return await BenchOutput.FinishAsync(parse, jsonPath, () => Print(report), report.ToJsonLine(), report.TrackerProblem is null && report.SameEstimates, cancellationToken);
            }
            finally
            {
                work.Delete(recursive: true);
            }
        });
        return command;
    }

    private static void Print(RiclpmBenchReport report)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"RI-CLPM: {report.Participants:N0} participants × {report.Waves} waves ({report.Rows:N0} rows), lagged paths {(report.EqualLaggedPaths ? "equal" : "free")}")
            .AddColumn("").AddColumn(new TableColumn("seconds").RightAligned()).AddColumn(new TableColumn("peak memory MB").RightAligned());
        table.AddRow("Tracker: read long CSV, reshape, fit, fit measures", F(report.TrackerSeconds), F(report.TrackerPeakWorkingSetMb, "N0") + " (working set)");
        table.AddRow("lavaan: fit alone on wide data", report.LavaanSeconds is { } s ? F(s) : "–", report.LavaanPeakMb is { } m ? F(m, "N0") + " (R gc max used)" : "–");
        AnsiConsole.Write(table);
        if (report.TrackerProblem is not null) AnsiConsole.MarkupLine($"[red]Tracker's fit:[/] {Markup.Escape(report.TrackerProblem)}");
        if (report.LavaanNote is not null) AnsiConsole.MarkupLine(Markup.Escape(report.LavaanNote));
        if (report.Speedup is { } speedup)
        {
            var verdict = speedup >= RiclpmBenchReport.TargetSpeedup ? "[green]target met[/]" : "[yellow]below the target[/]";
            AnsiConsole.MarkupLine($"Tracker's whole process is {F(speedup, "0.0")}× faster than lavaan's fit alone (target ≥ {RiclpmBenchReport.TargetSpeedup:0}×): {verdict}.");
        }
        if (report.MaxEstimateDifference is { } difference)
            AnsiConsole.MarkupLine($"Largest difference between the lagged paths: {F(difference, "G3")} ({(report.SameEstimates ? "[green]the same estimates[/]" : "[red]estimates differ[/]")}).");
    }

    private static string F(double value, string format = "0.000") => value.ToString(format, CultureInfo.InvariantCulture);
}
