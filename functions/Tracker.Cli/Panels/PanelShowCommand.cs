using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tracker.Cli.Api;

namespace Tracker.Cli.Panels;

/// <summary><c>tracker panel show --panel ID [--json]</c>: one panel's definition, its waves' dates in the panel's zone, its state and counts.</summary>
public static class PanelShowCommand
{
    public static Command Create()
    {
        var panel = new Option<string>("--panel", "-p") { Description = "The panel's id.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the API's JSON (times in UTC) instead of the table." };
        var api = new ApiOptions();
        var command = new Command("show", """
            Show one panel: its name, instrument, time zone, state (scheduled, running, ended, closed) and
            participants, and each wave's opening and closing in the panel's time zone.

            Examples:
              tracker panel show --panel pABCDEFGHJKL
              tracker panel show --panel pABCDEFGHJKL --json | jq -r .state
            """)
        {
            panel, json,
        };
        api.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, api, async (client, ct) =>
        {
            var shown = await client.GetPanelAsync(parse.GetValue(panel)!, ct);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(shown, CliJson.Indented));
                return ExitCodes.Ok;
            }

            Print(CliConsole.For(output), shown);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static void Print(IAnsiConsole console, JsonElement panel)
    {
        var zoneId = panel.GetProperty("timeZone").GetString()!;
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        var state = panel.GetProperty("state").GetString()!;
        console.MarkupLineInterpolated($"Panel [bold]{panel.GetProperty("id").GetString()}[/]: {panel.GetProperty("name").GetString()}");
        console.MarkupLineInterpolated($"  instrument {panel.GetProperty("instrument").GetString()}, time zone {zone.Id}, {panel.GetProperty("schedule").GetProperty("kind").GetString()} schedule");
        var closedAt = panel.GetProperty("closedAt");
        console.MarkupLineInterpolated($"  state: {state}{(closedAt.ValueKind == JsonValueKind.Null ? "" : $" (since {Local(closedAt, zone)})")}");
        console.MarkupLineInterpolated($"  participants: {panel.GetProperty("activeParticipants").GetInt32()} active of {panel.GetProperty("participants").GetInt32()} enrolled");
        Tracker.Cli.Status.RetentionLines.Print(console, panel, "  ");
        var table = new Table().AddColumn(new TableColumn("wave").RightAligned()).AddColumn($"opens ({zone.Id})").AddColumn($"closes ({zone.Id})").AddColumn("state");
        foreach (var wave in panel.GetProperty("waves").EnumerateArray())
        {
            table.AddRow(
                wave.GetProperty("number").GetInt32().ToString(CultureInfo.InvariantCulture),
                Local(wave.GetProperty("opensAt"), zone),
                Local(wave.GetProperty("closesAt"), zone),
                wave.GetProperty("state").GetString()!);
        }

        console.Write(table);
    }

    /// <summary>An instant on the panel's own clock, with its offset, so a reader in another zone cannot misread it.</summary>
    private static string Local(JsonElement value, TimeZoneInfo zone) =>
        value.TryGetDateTimeOffset(out var at)
            ? TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)
            : value.ToString();
}
