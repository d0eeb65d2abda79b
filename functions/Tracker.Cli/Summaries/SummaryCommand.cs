using System.CommandLine;
using System.Net;
using Tracker.Cli.Api;

namespace Tracker.Cli.Summaries;

/// <summary><c>tracker summary --panel ID --out DIR</c>: the stakeholder summary of a panel as HTML and PNGs, from a running Tracker.</summary>
public static class SummaryCommand
{
    public static Command Create()
    {
        var panel = new Option<string>("--panel", "-p") { Description = "The panel's id.", Required = true };
        var output = new Option<string>("--out") { Description = "Folder to write summary.html and the chart PNGs to.", Required = true };
        var api = new ApiOptions();
        var command = new Command("summary", """
            Write a panel's stakeholder trend summary — the HTML and its three chart PNGs — to a folder (what the summary email shows now).

            Example:
              tracker summary --panel pABCDEFGHJKL --out summary --url http://127.0.0.1:7071 --key local-admin-key
            """)
        {
            panel, output,
        };
        api.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, api, async (client, token) =>
        {
            var html = await client.GetSummaryPreviewAsync(parse.GetValue(panel)!, token);
            var files = SummaryFiles.Write(html, parse.GetValue(output)!);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"Wrote {string.Join(", ", files)}");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    /// <summary>Fetches the preview and writes it; shared with the demo, which runs its own stack.</summary>
    public static async Task<(bool Ok, string Message)> FetchAsync(HttpClient http, string panelId, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(new Uri($"panels/{Uri.EscapeDataString(panelId)}/summary/preview", UriKind.Relative), cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return (false, $"tracker summary: could not reach {http.BaseAddress} ({ex.Message}). Is `tracker serve` running?");
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (false, $"tracker summary: {(int)response.StatusCode} {body}");
            }

            var files = SummaryFiles.Write(body, folder);
            return (true, $"Wrote {string.Join(", ", files)}");
        }
    }
}
