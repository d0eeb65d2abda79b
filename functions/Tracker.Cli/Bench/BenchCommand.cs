using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tracker.LocalHost.App;

namespace Tracker.Cli.Bench;

/// <summary><c>tracker bench ingest</c>: form submissions into the local stack, against bare table writes in the same run.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Benchmarks that time Tracker against a baseline in the same run.");
        bench.Subcommands.Add(Ingest());
        bench.Subcommands.Add(ModelBenchCommand.Create());
        bench.Subcommands.Add(DispatchBenchCommand.Create());
        bench.Subcommands.Add(RiclpmBenchCommand.Create());
        return bench;
    }

    /// <summary>The options the benches share, wired once so their names, wording and behaviour stay the same.</summary>
    internal static Option<string?> JsonOption() =>
        new("--json") { Description = "Also write the JSON line to this file ('-' prints only the JSON line)." };

    internal static Option<int> SeedOption(int defaultSeed) =>
        new("--seed") { Description = "Seed of the simulated data.", DefaultValueFactory = _ => defaultSeed };

    internal static Option<int> SizeOption(string name, string description, int defaultValue) =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue };

    /// <summary>One error line naming the bench and its valid ranges; exit code 2 (bad arguments).</summary>
    internal static async Task<int> OutOfRangeAsync(ParseResult parse, string bench, string ranges)
    {
        await parse.InvocationConfiguration.Error.WriteLineAsync($"tracker bench {bench}: {ranges}.");
        return 2;
    }

    private static Command Ingest()
    {
        var submissions = SizeOption("--submissions", "How many form submissions to time (one per participant).", 10_000);
        var concurrency = SizeOption("--concurrency", "How many submissions in flight at once (and bare writes, for the baseline).", 64);
        var seed = SeedOption(20261128);
        var json = JsonOption();
        var command = new Command("ingest", "Start Azurite and the Function App, post form submissions to participant links over HTTP, time them against bare Azure.Data.Tables single-entity writes to the same Azurite at the same concurrency, and check that every acknowledged submission is stored exactly once.")
        {
            submissions, concurrency, seed, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(submissions);
            var inFlight = parse.GetValue(concurrency);
            if (count is < 10 or > 200_000 || inFlight is < 1 or > 1024)
                return await OutOfRangeAsync(parse, "ingest", "--submissions must be 10–200000 and --concurrency 1–1024");

            var jsonPath = parse.GetValue(json);
            var settings = new IngestSettings(count, inFlight, parse.GetValue(seed), IngestSettings.DefaultWarmup(count));
            await using var stack = await TrackerStack.StartAsync(StackOptions(), cancellationToken);
            var report = await new IngestBenchmark(stack).RunAsync(settings, BenchOutput.Progress(jsonPath), cancellationToken);
            return await BenchOutput.FinishAsync(parse, jsonPath, () => Print(report), report.ToJsonLine(), report.Succeeded, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// The stack as a deployment runs it, minus what would blur the measurement: no timers or queue listeners, no SMTP
    /// (nothing is sent), and the per-address rate limit lifted, since every simulated participant shares one loopback address.
    /// </summary>
    public static TrackerStackOptions StackOptions()
    {
        var options = new TrackerStackOptions
        {
            EnableTimers = false,
            EnableQueueListeners = false,
            SmtpEndpoint = "127.0.0.1:9",
            MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Error,
        };
        options.Settings["RateLimit:TokenLimit"] = "1000000";
        options.Settings["RateLimit:TokensPerPeriod"] = "1000000";
        return options;
    }

    private static void Print(IngestReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Ingest: {report.Settings.Submissions:N0} submissions at concurrency {report.Settings.Concurrency}")
            .AddColumn("").AddColumn(new TableColumn("per second").RightAligned()).AddColumn(new TableColumn("p50 ms").RightAligned())
            .AddColumn(new TableColumn("p95 ms").RightAligned()).AddColumn(new TableColumn("p99 ms").RightAligned()).AddColumn(new TableColumn("max ms").RightAligned());
        Row(table, "Tracker: form POST over HTTP", report.Tracker);
        Row(table, "Baseline: bare AddEntity", report.Baseline);
        if (report.Open is { } open)
        {
            Row(table, "Tracker: link GET (the form served)", open.Tracker);
            Row(table, "Baseline: bare point read", open.Baseline);
        }

        AnsiConsole.Write(table);
        if (report.Open is { } opened)
        {
            AnsiConsole.MarkupLine($"Opening a link ran at {opened.Ratio.ToString("P0", CultureInfo.InvariantCulture)} of the bare point-read rate; "
                + (opened.EveryFormServed ? $"[green]every open served the form[/] ({opened.FormsServed:N0})." : $"[red]{opened.FormsServed:N0} of {opened.StatusCodes.Values.Sum():N0} opens served the form[/], no answer at all: {opened.TransportErrors}."));
        }

        var ratio = report.Ratio.ToString("P0", CultureInfo.InvariantCulture);
        AnsiConsole.MarkupLine(report.TargetMet
            ? $"Tracker reached [green]{ratio}[/] of the bare write rate (target ≥ {IngestSettings.TargetRatio:P0})."
            : $"Tracker reached [yellow]{ratio}[/] of the bare write rate, [yellow]below the target[/] of {IngestSettings.TargetRatio:P0}.");
        var statuses = string.Join(", ", report.StatusCodes.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value:N0}"));
        AnsiConsole.MarkupLine($"Answers: {statuses}; no answer at all: {report.TransportErrors}.");
        var a = report.Accounting;
        AnsiConsole.MarkupLine((a.ExactlyOnce ? "[green]Exactly once[/]" : "[red]NOT exactly once[/]")
            + $": {a.Acknowledged:N0} acknowledged, {a.Stored:N0} stored; missing {a.Missing}, stored without a 2xx {a.Unacknowledged}, answers differing {a.Mismatched}, written twice {a.Rewritten}.");
    }

    private static void Row(Table table, string name, PhaseResult phase) =>
        table.AddRow(
            name,
            phase.PerSecond.ToString("N0", CultureInfo.InvariantCulture),
            phase.P50Ms.ToString("N1", CultureInfo.InvariantCulture),
            phase.P95Ms.ToString("N1", CultureInfo.InvariantCulture),
            phase.P99Ms.ToString("N1", CultureInfo.InvariantCulture),
            phase.MaxMs.ToString("N1", CultureInfo.InvariantCulture));
}
