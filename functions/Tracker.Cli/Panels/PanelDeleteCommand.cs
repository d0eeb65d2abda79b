using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tracker.Cli.Api;

namespace Tracker.Cli.Panels;

/// <summary>
/// <c>tracker panel delete --panel ID --dry-run | --yes</c>: lists what would go, or deletes the panel with everything
/// it stored. Without <c>--yes</c> it asks for the panel's id on a terminal and refuses when input is not one.
/// </summary>
public static class PanelDeleteCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(Func<bool>? inputIsTerminal = null)
    {
        inputIsTerminal ??= () => !Console.IsInputRedirected;
        var panel = new Option<string>("--panel", "-p") { Description = "The panel's id.", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be deleted (per table, container and queue) and change nothing." };
        var yes = new Option<bool>("--yes", "-y") { Description = "Delete without asking (needed when input is not a terminal, e.g. in scripts)." };
        var json = new Option<bool>("--json") { Description = "Print the API's JSON instead of the table." };
        var api = new ApiOptions();
        var command = new Command("delete", """
            Delete a panel with everything it stored: participants and contacts, invitations, responses, summaries,
            sealed waves, models and its queued messages. Export first: nothing can bring it back. The panel is
            closed first and its definition goes last, so an interrupted deletion is finished by running it again.

            Examples:
              tracker panel delete --panel pABCDEFGHJKL --dry-run
              tracker panel delete --panel pABCDEFGHJKL --yes
            """)
        {
            panel, dryRun, yes, json,
        };
        api.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, api, async (client, ct) =>
        {
            var id = parse.GetValue(panel)!;
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(dryRun))
            {
                var listing = await client.ListPanelDeletionAsync(id, ct);
                await PrintAsync(output, listing, parse.GetValue(json), $"Deleting panel {id} would remove:");
                return ExitCodes.Ok;
            }

            if (!parse.GetValue(yes))
            {
                if (!inputIsTerminal())
                {
                    throw new CommandInputException($"deleting panel {id} needs --yes when input is not a terminal (list what would go with --dry-run)");
                }

                await output.WriteAsync($"Delete panel {id} and all its data for good? Type its id to confirm: ");
                if (!string.Equals(Console.ReadLine()?.Trim(), id, StringComparison.Ordinal))
                {
                    throw new CommandInputException($"not confirmed: panel {id} was not deleted");
                }
            }

            var removed = await client.DeletePanelAsync(id, ct);
            await PrintAsync(output, removed, parse.GetValue(json), $"Deleted panel {id}:");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static async Task PrintAsync(TextWriter output, JsonElement contents, bool json, string heading)
    {
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(contents, Indented));
            return;
        }

        var console = CliConsole.For(output);
        console.WriteLine(heading);
        var table = new Table().AddColumn("where").AddColumn("name").AddColumn(new TableColumn("count").RightAligned());
        foreach (var t in contents.GetProperty("tables").EnumerateArray()) table.AddRow("table", t.GetProperty("name").GetString()!, Count(t.GetProperty("rows"), "row"));
        foreach (var b in contents.GetProperty("blobs").EnumerateArray()) table.AddRow("blobs", b.GetProperty("container").GetString()!, Count(b.GetProperty("count"), "blob"));
        foreach (var q in contents.GetProperty("queues").EnumerateArray()) table.AddRow("queue", q.GetProperty("name").GetString()!, Count(q.GetProperty("messages"), "message"));
        console.Write(table);
        var totals = contents.GetProperty("totals");
        console.WriteLine($"{Count(totals.GetProperty("rows"), "row")}, {Count(totals.GetProperty("blobs"), "blob")}, {Count(totals.GetProperty("messages"), "message")} in all.");
    }

    private static string Count(JsonElement value, string noun)
    {
        var n = value.GetInt32();
        return $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";
    }
}
