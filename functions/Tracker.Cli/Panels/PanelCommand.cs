using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Tracker.Cli.Api;
using Tracker.Engine.Common;

namespace Tracker.Cli.Panels;

/// <summary><c>tracker panel create|list|show|close|delete</c>: a panel's life from its definition (the JSON docs/api.md describes) to its deletion.</summary>
public static class PanelCommand
{
    public const long MaxDefinitionBytes = 1024 * 1024;

    /// <param name="inputIsTerminal">Whether <c>panel delete</c> may ask for confirmation (default: standard input is not redirected).</param>
    public static Command Create(Func<bool>? inputIsTerminal = null)
    {
        var panel = new Command("panel", "Define, list, show, close and delete panels.");
        panel.Subcommands.Add(CreateCommand());
        panel.Subcommands.Add(ListCommand());
        panel.Subcommands.Add(PanelShowCommand.Create());
        panel.Subcommands.Add(PanelCloseCommand.Create());
        panel.Subcommands.Add(PanelDeleteCommand.Create(inputIsTerminal));
        return panel;
    }

    private static Command ListCommand()
    {
        var json = new Option<bool>("--json") { Description = "Print the list as JSON (for scripts)." };
        var api = new ApiOptions();
        var command = new Command("list", """
            List every panel, newest first, with its state (scheduled, running, ended, closed), waves and participants.

            Examples:
              tracker panel list
              tracker panel list --json | jq -r '.panels[] | select(.state == "running") | .id'
            """)
        {
            json,
        };
        api.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, api, async (client, ct) =>
        {
            var list = await client.ListPanelsAsync(ct);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(list.GetRawText());
                return ExitCodes.Ok;
            }

            var console = CliConsole.For(output);
            var table = new Table().AddColumn("id").AddColumn("name").AddColumn("state").AddColumn(new TableColumn("waves").RightAligned())
                .AddColumn("first opens (UTC)").AddColumn("last closes (UTC)").AddColumn(new TableColumn("active / enrolled").RightAligned());
            foreach (var p in list.GetProperty("panels").EnumerateArray())
            {
                var closed = p.GetProperty("closedWaves").GetInt32();
                var waves = p.GetProperty("waves").GetInt32();
                var open = p.GetProperty("openWave").GetInt32();
                var progress = open > 0 ? $"{waves} (wave {open} open)" : $"{waves} ({closed} closed)";
                table.AddRow(
                    Markup.Escape(p.GetProperty("id").GetString()!), Markup.Escape(p.GetProperty("name").GetString()!), p.GetProperty("state").GetString()!,
                    progress, Time(p.GetProperty("firstOpens")), Time(p.GetProperty("lastCloses")),
                    $"{p.GetProperty("activeParticipants").GetInt32()} / {p.GetProperty("participants").GetInt32()}");
            }

            console.Write(table);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command CreateCommand()
    {
        var file = new Option<FileInfo>("--file", "-f") { Description = "The panel definition (JSON: name, instrument, timeZone, schedule; see docs/api.md).", Required = true };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the new panel's id (for scripts)." };
        var api = new ApiOptions();
        var command = new Command("create", """
            Create a panel from a JSON definition and print its id and wave schedule.

            Examples:
              tracker panel create --file panel.json --url http://127.0.0.1:7071 --key local-admin-key
              export TRACKER_URL=https://my-tracker.azurewebsites.net TRACKER_ADMIN_KEY=...
              PANEL=$(tracker panel create --file panel.json --quiet)

            panel.json:
              { "name": "Short-video co-creation study", "instrument": "default", "timeZone": "Europe/Berlin",
                "schedule": { "start": "2026-12-01T08:00:00Z", "waves": 6, "interval": "P14D", "window": "P7D" } }
            """)
        {
            file, quiet,
        };
        api.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, api, async (client, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) throw new CommandInputException($"'{path.FullName}' does not exist");
            if (path.Length > MaxDefinitionBytes) throw new CommandInputException($"'{path.Name}' is larger than 1 MiB; a panel definition is a small JSON file");
            var json = await File.ReadAllTextAsync(path.FullName, ct);
            try
            {
                using var _ = JsonDocument.Parse(json);
            }
            catch (JsonException e)
            {
                // Said here with the file's name and position rather than as the server's generic 400.
                throw new CommandInputException($"'{path.Name}' is not valid JSON: {JsonSyntax.Describe(e)}");
            }

            var created = await client.CreatePanelAsync(json, ct);
            var id = created.GetProperty("id").GetString();
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(quiet))
            {
                await output.WriteLineAsync(id);
                return ExitCodes.Ok;
            }

            var console = CliConsole.For(output);
            console.MarkupLineInterpolated($"Created panel [bold]{id}[/]: {created.GetProperty("name").GetString()} (instrument {created.GetProperty("instrument").GetString()})");
            var table = new Table().AddColumn(new TableColumn("wave").RightAligned()).AddColumn("opens (UTC)").AddColumn("closes (UTC)");
            foreach (var wave in created.GetProperty("waves").EnumerateArray())
            {
                table.AddRow(wave.GetProperty("number").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), Time(wave.GetProperty("opensAt")), Time(wave.GetProperty("closesAt")));
            }

            console.Write(table);
            if (created.TryGetProperty("warnings", out var warnings))
            {
                foreach (var warning in warnings.EnumerateArray()) console.MarkupLineInterpolated($"[yellow]warning:[/] {warning.GetString()}");
            }

            console.MarkupLineInterpolated($"Next: tracker participants import --panel {id} participants.csv");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    internal static string Time(JsonElement value) =>
        value.TryGetDateTimeOffset(out var at) ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : value.ToString();
}
