using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tracker.LocalHost.App;

namespace Tracker.Cli.Bench;

/// <summary><c>tracker bench dispatch</c>: a wave's invitations through Tracker's real sending path, against a bare MailKit loop to the same server (smtp4dev, or the fast sink with --sink).</summary>
public static class DispatchBenchCommand
{
    public static Command Create()
    {
        var participants = new Option<int>("--participants") { Description = "Participants in the wave (and messages in each bare loop).", DefaultValueFactory = _ => 10_000 };
        var json = new Option<string?>("--json") { Description = "Also write the JSON line to this file ('-' prints only the JSON line)." };
        var sink = new Option<bool>("--sink") { Description = "Send to a fast SMTP sink inside this process (loopback) instead of smtp4dev, so the server does not set the pace." };
        var command = new Command("dispatch", "Start Azurite, smtp4dev and the Function App, enrol a panel, time a bare MailKit loop (one connection, then as many as Tracker's pool) sending as many messages of the same size to smtp4dev, then time Tracker sending the wave through the dispatch timer, the queue and SendDispatchBatch until every ledger row is sent, and check the server received each invitation exactly once; last, time the ledger work alone (insert, claim and mark in one transaction each per batch, no SMTP) against the same Azurite, the storage-bound ceiling. With --sink the server is a fast SMTP sink in this process instead of smtp4dev.")
        {
            participants, json, sink,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(participants);
            if (count is < 10 or > 100_000)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("tracker bench dispatch: --participants must be 10–100000.");
                return 2;
            }

            var jsonPath = parse.GetValue(json);
            var settings = new DispatchBenchSettings(count, DispatchBenchSettings.DefaultWarmup(count), parse.GetValue(sink));
            await using var fastSink = settings.FastSink ? DispatchSink.Start() : null;
            var options = StackOptions();
            options.SmtpEndpoint = fastSink?.Endpoint;
            await using var stack = await TrackerStack.StartAsync(options, cancellationToken);
            using var smtp4dev = fastSink is null
                ? new DispatchSmtp4devInbox(stack.Smtp4dev ?? throw new InvalidOperationException("The dispatch benchmark counts what smtp4dev received: start the stack with its own smtp4dev."))
                : null;
            var report = await new DispatchBenchmark(stack, (IDispatchInbox?)fastSink ?? smtp4dev!).RunAsync(settings, BenchOutput.Progress(jsonPath), cancellationToken);
            return await BenchOutput.FinishAsync(parse, jsonPath, () => Print(report), report.ToJsonLine(), report.Accounting.ExactlyOnce, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// The stack as a deployment runs it, with smtp4dev: queue listeners on (SendDispatchBatch), the timer itself off so
    /// the benchmark fires it exactly when timing starts instead of on the clock's five-minute tick.
    /// </summary>
    public static TrackerStackOptions StackOptions() => new()
    {
        EnableTimers = false,
        EnableQueueListeners = true,
        MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Error,
    };

    private static void Print(DispatchBenchReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Dispatch: {report.Settings.Participants:N0} messages to {(report.Settings.FastSink ? "the fast sink" : "smtp4dev")}")
            .AddColumn("").AddColumn(new TableColumn("connections").RightAligned()).AddColumn(new TableColumn("seconds").RightAligned()).AddColumn(new TableColumn("messages/s").RightAligned());
        foreach (var phase in new[] { report.BareOneConnection, report.BarePooled, report.Tracker })
        {
            table.AddRow(
                Markup.Escape(phase.Name),
                phase.Connections.ToString(CultureInfo.InvariantCulture),
                phase.Elapsed.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture),
                phase.PerSecond.ToString("N0", CultureInfo.InvariantCulture));
        }

        if (report.LedgerOnly is { } ledger)
        {
            table.AddRow(Markup.Escape(ledger.Name), "—", ledger.Elapsed.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture), ledger.PerSecond.ToString("N0", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        if (report.TrackerTiming is { } timing)
        {
            var first = timing.FirstMessage is { } at ? $"; the first message arrived after {at.TotalSeconds.ToString("N2", CultureInfo.InvariantCulture)} s" : "";
            AnsiConsole.MarkupLine($"Tracker's planner returned {timing.Planned.TotalSeconds.ToString("N2", CultureInfo.InvariantCulture)} s after the timer fired{first}.");
        }

        if (report.LedgerOnly is not null)
        {
            AnsiConsole.MarkupLine($"Tracker reached {report.RatioToLedger.ToString("P0", CultureInfo.InvariantCulture)} of the ledger work alone on the same Azurite (the storage-bound ceiling).");
        }

        var ratio = report.Ratio.ToString("P0", CultureInfo.InvariantCulture);
        AnsiConsole.MarkupLine(report.TargetMet
            ? $"Tracker reached [green]{ratio}[/] of the bare loop with as many connections (target ≥ {report.Settings.Target:P0}); {report.RatioToOneConnection.ToString("P0", CultureInfo.InvariantCulture)} of one connection."
            : $"Tracker reached [yellow]{ratio}[/] of the bare loop with as many connections, [yellow]below the target[/] of {report.Settings.Target:P0}; {report.RatioToOneConnection.ToString("P0", CultureInfo.InvariantCulture)} of one connection.");
        var a = report.Accounting;
        var states = string.Join(", ", a.LedgerStates.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}: {kv.Value:N0}"));
        AnsiConsole.MarkupLine((a.ExactlyOnce ? "[green]Exactly once[/]" : "[red]NOT exactly once[/]")
            + $": ledger {states}; {(report.Settings.FastSink ? "the sink" : "smtp4dev")} received {a.Received:N0} messages, {a.DistinctMessageIds:N0} distinct Message-IDs, {a.DistinctRecipients:N0} recipients, {a.UnknownMessageIds} Message-IDs not in the ledger.");
    }
}
