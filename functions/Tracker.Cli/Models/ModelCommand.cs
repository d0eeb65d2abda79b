using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tracker.Cli.Api;
using Tracker.Model.Models;

namespace Tracker.Cli.Models;

/// <summary><c>tracker model --panel ID [--json]</c>: the panel's stored model (<c>GET /api/panels/{id}/model</c>) as a table, or as stored.</summary>
public static class ModelCommand
{
    public static Command Create()
    {
        var panel = PanelOptions.Panel();
        var json = new Option<bool>("--json") { Description = "Print the stored model's JSON exactly as stored (snake_case; docs/summaries.md)." };
        var api = new ApiOptions();
        var command = new Command("model", """
            Show the panel's stored willingness model: when it was fitted, the waves it saw, the growth slope, the decay
            half-life and plateau, persistence and retention, each with its 95% interval. The model is fitted when a wave is
            sealed (tracker wave seal, or the timer once a wave has closed for everyone) and by the model timer; before the
            first fit this says "no model yet" with exit code 1.

            Examples:
              tracker model --panel pABCDEFGHJKL
              tracker model --panel pABCDEFGHJKL --json > model.json
            """)
        {
            panel, json,
        };
        api.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, api, async (client, ct) =>
        {
            var panelId = parse.GetValue(panel)!;
            string stored;
            try
            {
                stored = await client.GetModelJsonAsync(panelId, ct);
            }
            catch (TrackerApiException e) when (e.Status == 404 && e.Message.Contains("no fitted model", StringComparison.OrdinalIgnoreCase))
            {
                // The panel exists; there is nothing wrong with the request, only no fit yet.
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: no model yet for panel {panelId}: one is fitted when a wave has closed and is sealed (tracker wave seal --panel {panelId} --wave N)");
                return ExitCodes.Failed;
            }

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(stored);
                return ExitCodes.Ok;
            }

            ModelDocument model;
            try
            {
                model = ModelJson.Deserialize(stored);
            }
            catch (JsonException e)
            {
                throw new TrackerApiException(502, $"the stored model of panel {panelId} could not be read ({e.Message}); --json prints it as stored");
            }

            ModelPrinter.Print(CliConsole.For(output), model);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
