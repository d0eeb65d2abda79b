using System.CommandLine;
using Spectre.Console;
using Tracker.Cli.Api;
using Tracker.Cli.Waves;

namespace Tracker.Cli.Participants;

/// <summary>
/// <c>tracker participants erase --panel ID --participant PID [--responses] [--yes]</c>: erasure cannot be undone, so
/// it asks on a terminal and, without a terminal to ask on, wants <c>--yes</c>.
/// </summary>
public static class ParticipantErasureCommand
{
    public static Command Create(TerminalInput input)
    {
        var panel = PanelOptions.Panel();
        var participant = new Option<string?>("--participant") { Description = "The participant's pseudonymous id (16 characters, as in exports and the plan)." };
        var email = new Option<string?>("--email") { Description = "Or their email address: the id is looked up first (the address goes in a request body, never a URL)." };
        var responses = new Option<bool>("--responses") { Description = "Also erase their answers, from the responses and from every sealed wave." };
        var yes = new Option<bool>("--yes", "-y") { Description = "Erase without asking (needed when standard input is not a terminal, e.g. in a script)." };
        var json = PanelOptions.Json("the API's answer");
        var api = new ApiOptions();
        var command = new Command("erase", """
            Erase a participant at their request: their email and external id are deleted and nothing is sent to them again;
            the address is kept only as a keyed hash so no later import enrols it again. With --responses their answers
            go too. This cannot be undone, so it asks for confirmation on a terminal; scripts pass --yes. Repeating it is
            harmless and completes an erasure that failed half-way.

            Examples:
              tracker participants erase --panel pABCDEFGHJKL --participant 3f9c2a7b1d8e4f60
              tracker participant erase --panel pABCDEFGHJKL --participant 3f9c2a7b1d8e4f60 --responses --yes
              tracker participants erase --panel pABCDEFGHJKL --email someone@example.org
            """)
        {
            panel, participant, email, responses, yes, json,
        };
        api.AddTo(command);
        // A usage error, not a run-time one: refused while parsing, before any key or URL is needed.
        command.Validators.Add(result =>
        {
            if ((result.GetResult(participant) is null) == (result.GetResult(email) is null)) result.AddError("give either --participant or --email");
        });
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, api, async (client, ct) =>
        {
            var panelId = parse.GetValue(panel)!;
            var byEmail = parse.GetValue(email);
            var participantId = (parse.GetValue(participant), byEmail) switch
            {
                ({ } id, null) => id,
                (null, { } address) => await client.FindParticipantAsync(panelId, address, ct),
                _ => throw new CommandInputException("give either --participant or --email"),
            };
            var withResponses = parse.GetValue(responses);
            var output = parse.InvocationConfiguration.Output;
            if (!parse.GetValue(yes))
            {
                if (!input.IsTerminal)
                {
                    throw new CommandInputException("erasing cannot be undone and standard input is not a terminal to confirm on: add --yes");
                }

                await output.WriteAsync($"Erase participant {participantId} of panel {panelId}{(withResponses ? " with all their answers" : " (contact only; answers kept)")}? This cannot be undone. [y/N] ");
                await output.FlushAsync(ct);
                var answer = (await input.Reader.ReadLineAsync(ct))?.Trim();
                if (answer is not ("y" or "Y" or "yes" or "Yes" or "YES"))
                {
                    await output.WriteLineAsync("Not erased.");
                    return ExitCodes.Ok;
                }
            }

            var erased = await client.EraseParticipantAsync(panelId, participantId, withResponses, ct);
            if (await WaveCommand.PrintedJsonAsync(parse, json, erased)) return ExitCodes.Ok;
            var rows = erased.GetProperty("responseRowsDeleted").GetInt32();
            CliConsole.For(output).MarkupLineInterpolated(
                $"Erased participant {participantId} of panel [bold]{panelId}[/]: contact deleted, nothing more will be sent{(erased.GetProperty("responsesErased").GetBoolean() ? $", {rows} response row(s) erased" : "; answers kept")}.");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
