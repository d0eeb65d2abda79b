using System.CommandLine;
using Tracker.Cli.Api;

namespace Tracker.Cli.Panels;

/// <summary><c>tracker panel close --panel ID</c>: the study's end; nothing more is sent and its data stay.</summary>
public static class PanelCloseCommand
{
    public static Command Create()
    {
        var panel = new Option<string>("--panel", "-p") { Description = "The panel's id.", Required = true };
        var api = new ApiOptions();
        var command = new Command("close", """
            Close a panel at the study's end: no more invitations, reminders or summaries are sent, and the
            participants' links answer "this study has ended". Opt-out links keep working, and the data stay: status,
            exports, the model and the summary still work. Closing a closed panel changes nothing.

            Examples:
              tracker panel close --panel pABCDEFGHJKL
              tracker panel close --panel pABCDEFGHJKL --url https://my-tracker.azurewebsites.net --key "$TRACKER_ADMIN_KEY"
            """)
        {
            panel,
        };
        api.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, api, async (client, ct) =>
        {
            var closed = await client.ClosePanelAsync(parse.GetValue(panel)!, ct);
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"Panel {closed.GetProperty("id").GetString()} is closed (since {PanelCommand.Time(closed.GetProperty("closedAt"))} UTC): nothing more is sent, its links say the study has ended, and its data stay.");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
