using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tracker.Cli.Api;
using Tracker.Cli.Panels;

namespace Tracker.Cli.Status;

/// <summary><c>tracker status --panel ID</c>: the status API as a table with a row per wave.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var panel = new Option<string>("--panel", "-p") { Description = "The panel's id.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the status API's JSON instead of the table." };
        var api = new ApiOptions();
        var command = new Command("status", """
            Show a panel's waves: state, window, invitations planned and sent, reminders, links opened, failures,
            opt-outs, responses, response rate, and which message (invitation or reminder n) each response followed.

            Examples:
              tracker status --panel pABCDEFGHJKL
              tracker status --panel pABCDEFGHJKL --json --url https://my-tracker.azurewebsites.net --key $KEY
            """)
        {
            panel, json,
        };
        api.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, api, async (client, ct) =>
        {
            var status = await client.GetStatusAsync(parse.GetValue(panel)!, ct);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(status, CliJson.Indented));
                return ExitCodes.Ok;
            }

            Print(CliConsole.For(output), status);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    public static void Print(IAnsiConsole console, JsonElement status)
    {
        var retention = status.TryGetProperty("retention", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetDouble().ToString("P1", CultureInfo.InvariantCulture) : "–";
        console.MarkupLineInterpolated($"[bold]{status.GetProperty("name").GetString()}[/] ({status.GetProperty("id").GetString()}): {status.GetProperty("participants").GetInt32()} participants, {status.GetProperty("activeParticipants").GetInt32()} active (retention {retention}), as of {PanelCommand.Time(status.GetProperty("asOf"))} UTC");
        RetentionLines.Print(console, status);
        var poison = Count(status, "poisonMessages");
        if (poison > 0)
        {
            console.MarkupLineInterpolated($"[red]{poison} message(s) in the dispatch poison queue[/] (dispatch-batches-poison, all panels): see docs/engine.md, \"Poison messages\".");
        }

        if (status.TryGetProperty("orphaned", out var orphaned) && orphaned.GetInt32() > 0)
        {
            console.MarkupLineInterpolated($"[yellow]{orphaned.GetInt32()} participant rows have no contact (a failed import): not counted or sent to; re-run that import to complete them[/]");
        }

        var table = new Table()
            .AddColumn(new TableColumn("wave").RightAligned())
            .AddColumn("state")
            .AddColumn("opens (UTC)")
            .AddColumn("closes (UTC)")
            .AddColumn(new TableColumn("planned").RightAligned())
            .AddColumn(new TableColumn("invited").RightAligned())
            .AddColumn(new TableColumn("reminded").RightAligned())
            .AddColumn(new TableColumn("opened").RightAligned())
            .AddColumn(new TableColumn("sending").RightAligned())
            .AddColumn(new TableColumn("failed").RightAligned())
            .AddColumn(new TableColumn("unknown").RightAligned())
            .AddColumn(new TableColumn("opted out").RightAligned())
            .AddColumn(new TableColumn("responded").RightAligned())
            .AddColumn(new TableColumn("response rate").RightAligned())
            .AddColumn("responded after");
        foreach (var wave in status.GetProperty("waves").EnumerateArray())
        {
            var rate = wave.GetProperty("responseRate");
            table.AddRow(
                Int(wave, "number"),
                wave.GetProperty("state").GetString() ?? "",
                PanelCommand.Time(wave.GetProperty("opensAt")),
                PanelCommand.Time(wave.GetProperty("closesAt")),
                Int(wave, "planned"),
                Int(wave, "invited"),
                Int(wave, "reminded"),
                Int(wave, "opened"),
                // Dispatch answers 202 and the queue sends: what is still queued or being sent, as one figure.
                (Count(wave, "queued") + Count(wave, "sending")).ToString(CultureInfo.InvariantCulture),
                Int(wave, "failed"),
                Int(wave, "unknown"),
                Int(wave, "optedOut"),
                Int(wave, "responded"),
                rate.ValueKind == JsonValueKind.Number ? rate.GetDouble().ToString("P1", CultureInfo.InvariantCulture) : "–",
                string.Join(", ", wave.GetProperty("respondedAfter").EnumerateArray().Select(a =>
                    $"{a.GetProperty("message").GetString()} {a.GetProperty("share").GetDouble().ToString("P0", CultureInfo.InvariantCulture)}")));
        }

        console.Write(table);
    }

    private static string Int(JsonElement element, string name) => Count(element, name).ToString(CultureInfo.InvariantCulture);

    // A server from before these fields existed leaves them out: show 0 rather than fail.
    private static int Count(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value.GetInt32() : 0;
}
