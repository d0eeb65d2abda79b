using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Tracker.Cli.Api;
using Tracker.Engine.Common;

namespace Tracker.Cli.Panels;

/// <summary><c>tracker panel create --file panel.json</c>: defines a panel from the JSON docs/api.md describes.</summary>
public static class PanelCommand
{
    public const long MaxDefinitionBytes = 1024 * 1024;

    public static Command Create()
    {
        var panel = new Command("panel", "Define panels.");
        panel.Subcommands.Add(CreateCommand());
        return panel;
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
