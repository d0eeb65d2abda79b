using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tracker.Cli.Api;

namespace Tracker.Cli.Participants;

/// <summary><c>tracker participants import --panel ID FILE.csv [--dry-run]</c>: enrols participants, reporting every rejected line; <c>erase</c> is <see cref="ParticipantErasureCommand"/>.</summary>
public static class ParticipantsCommand
{
    /// <summary>The API's own limit (docs/api.md), checked here so a too-large file fails before it is uploaded.</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    /// <summary>Files from this size get a progress bar; smaller ones upload in a blink.</summary>
    public const long ProgressFrom = 512 * 1024;

    /// <param name="input">Where <c>erase</c> asks for confirmation (the console unless a test supplies one).</param>
    public static Command Create(TerminalInput? input = null)
    {
        // `participant erase` reads as naturally as `participants import`: one command, both spellings.
        var participants = new Command("participants", "Enrol and erase participants.");
        participants.Aliases.Add("participant");
        participants.Subcommands.Add(ImportCommand());
        participants.Subcommands.Add(ParticipantErasureCommand.Create(input ?? TerminalInput.FromConsole()));
        return participants;
    }

    private static Command ImportCommand()
    {
        var panel = new Option<string>("--panel", "-p") { Description = "The panel's id (from `tracker panel create`).", Required = true };
        var file = new Argument<FileInfo>("FILE.csv") { Description = "UTF-8 CSV with the header email,external_id,time_zone,first_name (only email is required; any column order; a file that is not UTF-8 is refused)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every line and report what would happen, storing nothing." };
        var api = new ApiOptions();
        var command = new Command("import", """
            Enrol participants from a CSV file: new emails are added, known ones updated, and every rejected line is listed
            with its line number (the header is line 1) and the reason. Participants get pseudonymous ids; emails are
            stored apart from answers.

            Examples:
              tracker participants import --panel pABCDEFGHJKL participants.csv --dry-run
              tracker participants import --panel pABCDEFGHJKL participants.csv --url http://127.0.0.1:7071 --key local-admin-key

            participants.csv:
              email,external_id,time_zone
              ana@example.org,A-001,Europe/Berlin
              ben@example.org,,America/Toronto
            """)
        {
            panel, file, dryRun,
        };
        api.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, api, async (client, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) throw new CommandInputException($"'{path.FullName}' does not exist");
            if (path.Length == 0) throw new CommandInputException($"'{path.Name}' is empty; it needs the header email,external_id,time_zone and one line per participant");
            if (path.Length > MaxBytes) throw new CommandInputException($"'{path.Name}' is {path.Length / 1024 / 1024} MiB; the API takes up to 32 MiB per import: split the file");

            var output = parse.InvocationConfiguration.Output;
            var console = CliConsole.For(output);
            var panelId = parse.GetValue(panel)!;
            var dry = parse.GetValue(dryRun);
            await using var stream = File.OpenRead(path.FullName);
            JsonElement result;
            if (path.Length >= ProgressFrom && CliConsole.IsTerminal(output))
            {
                result = await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new SpinnerColumn())
                    .StartAsync(async context =>
                    {
                        var upload = context.AddTask($"Uploading {path.Name}", maxValue: path.Length);
                        var check = context.AddTask(dry ? "Checking" : "Importing", autoStart: false).IsIndeterminate();
                        var import = client.ImportParticipantsAsync(panelId, stream, path.Length, dry, sent =>
                        {
                            upload.Value = sent;
                            if (sent == path.Length && !check.IsStarted) check.StartTask();
                        }, ct);
                        var answer = await import;
                        upload.Value = path.Length;
                        check.IsIndeterminate(false).Value(check.MaxValue).StopTask();
                        return answer;
                    });
            }
            else
            {
                result = await client.ImportParticipantsAsync(panelId, stream, path.Length, dry, null, ct);
            }

            Report(console, result, dry);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static void Report(IAnsiConsole console, JsonElement result, bool dryRun)
    {
        int Count(string name) => result.GetProperty(name).GetInt32();
        var verb = dryRun ? "Dry run, nothing stored: would add" : "Added";
        console.MarkupLineInterpolated($"{verb} {Count("added")}, {(dryRun ? "would update" : "updated")} {Count("updated")}, unchanged {Count("unchanged")}.");
        var rejected = result.GetProperty("rejected");
        if (rejected.GetArrayLength() == 0)
        {
            console.MarkupLine("No lines rejected.");
            return;
        }

        console.MarkupLineInterpolated($"[yellow]{rejected.GetArrayLength()} line(s) rejected[/] (the other lines {(dryRun ? "would be" : "were")} imported):");
        var table = new Table().AddColumn(new TableColumn("line").RightAligned()).AddColumn("reason");
        foreach (var line in rejected.EnumerateArray())
        {
            table.AddRow(line.GetProperty("line").GetInt32().ToString(CultureInfo.InvariantCulture), Markup.Escape(line.GetProperty("reason").GetString() ?? ""));
        }

        console.Write(table);
    }
}
