using System.CommandLine;
using Spectre.Console;
using Tracker.Cli.Api;
using Tracker.Cli.Panels;
using Tracker.Cli.Waves;

namespace Tracker.Cli.Dashboard;

/// <summary>
/// <c>tracker dashboard --panel ID [--open]</c>: mints the 10-minute dashboard link (<c>POST …/dashboard-link</c>) so the
/// key stays in the terminal and the browser gets only a one-panel grant.
/// </summary>
public static class DashboardCommand
{
    /// <param name="open">How <c>--open</c> launches the browser (the platform's opener unless a test supplies one); false when it could not.</param>
    public static Command Create(Func<Uri, bool>? open = null)
    {
        var launch = open ?? BrowserLauncher.TryOpen;
        var panel = PanelOptions.Panel();
        var openOption = new Option<bool>("--open") { Description = "Open the link in the browser (xdg-open, open or start); without one it is printed only." };
        var json = PanelOptions.Json("the link and its expiry");
        var api = new ApiOptions();
        var command = new Command("dashboard", """
            Print a sign-in link to the panel's dashboard: it works for 10 minutes and for this panel only, and the browser
            swaps it for an 8-hour session cookie, so your key never goes into a browser, its history or a proxy log.
            The URL is printed on its own line first (for scripts: tracker dashboard --panel ID | head -1).

            Examples:
              tracker dashboard --panel pABCDEFGHJKL --open
              tracker dashboard --panel pABCDEFGHJKL          # copy the URL into a browser within 10 minutes
            """)
        {
            panel, openOption, json,
        };
        api.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, api, async (client, ct) =>
        {
            var panelId = parse.GetValue(panel)!;
            var link = await client.CreateDashboardLinkAsync(panelId, ct);
            var url = link.GetProperty("url").GetString()!;
            var opened = parse.GetValue(openOption) && Uri.TryCreate(url, UriKind.Absolute, out var parsed) && launch(parsed);
            if (await WaveCommand.PrintedJsonAsync(parse, json, link)) return ExitCodes.Ok;

            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync(url);
            var console = CliConsole.For(output);
            console.MarkupLineInterpolated($"Valid until {PanelCommand.Time(link.GetProperty("expiresAt"))} UTC, for panel {panelId} only; the browser then holds a session, never the key.");
            if (opened) console.MarkupLine("Opened in the browser.");
            else if (parse.GetValue(openOption)) console.MarkupLine("[yellow]No browser opener (xdg-open, open, start) was found:[/] open the URL above yourself.");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
