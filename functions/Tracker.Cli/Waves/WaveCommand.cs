using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Tracker.Cli.Api;
using Tracker.Cli.Panels;

namespace Tracker.Cli.Waves;

/// <summary><c>tracker wave send|seal|resend-unknown|reissue</c>: the admin routes that act on one wave (docs/api.md).</summary>
public static class WaveCommand
{
    /// <summary>How often <c>wave send --wait</c> reads the status while the queue sends.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static Command Create()
    {
        var wave = new Command("wave", "Send, re-send, reissue and seal a wave.");
        wave.Subcommands.Add(SendCommand());
        wave.Subcommands.Add(ResendUnknownCommand());
        wave.Subcommands.Add(ReissueCommand());
        wave.Subcommands.Add(SealCommand());
        return wave;
    }

    private static Command SendCommand()
    {
        var panel = PanelOptions.Panel();
        var number = PanelOptions.Wave();
        var json = PanelOptions.Json("the dispatch answer (with --wait, plus the wave's final status under \"final\")");
        var wait = new Option<bool>("--wait") { Description = "Follow the sending until nothing of the wave is queued or being sent, then print its final figures." };
        var timeout = new Option<int>("--timeout") { Description = "With --wait: give up after this many minutes (exit 1; the sending goes on).", DefaultValueFactory = _ => 30 };
        var api = new ApiOptions();
        var command = new Command("send", """
            Send a wave now instead of waiting for the dispatch timer: queues whatever of the wave is due (invitations not
            yet sent, the latest due reminder to those who have not answered) and returns at once; the queue sends. A second
            call queues nothing. The wave must be open (409 before it opens and after it closes).

            Examples:
              tracker wave send --panel pABCDEFGHJKL --wave 1
              tracker wave send --panel pABCDEFGHJKL --wave 1 --wait
              tracker wave send --panel pABCDEFGHJKL --wave 2 --json | jq .queued
            """)
        {
            panel, number, json, wait, timeout,
        };
        api.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, api, async (client, ct) =>
        {
            var panelId = parse.GetValue(panel)!;
            var n = parse.GetValue(number);
            var dispatched = await client.DispatchWaveAsync(panelId, n, ct);
            var output = parse.InvocationConfiguration.Output;
            var console = CliConsole.For(output);
            if (!parse.GetValue(json))
            {
                console.MarkupLineInterpolated($"Wave {n} of panel [bold]{panelId}[/]: queued {Int(dispatched, "queued")} message(s) now; {Int(dispatched, "inFlight")} already queued or being sent, {Int(dispatched, "settled")} already settled (sent, failed, skipped or unknown).");
            }

            if (!parse.GetValue(wait))
            {
                if (parse.GetValue(json)) await output.WriteLineAsync(dispatched.GetRawText());
                else console.MarkupLineInterpolated($"Follow it with: tracker status --panel {panelId}   (or add --wait)");
                return ExitCodes.Ok;
            }

            var deadline = TimeSpan.FromMinutes(Math.Max(1, parse.GetValue(timeout)));
            var final = await WaitUntilSentAsync(client, panelId, n, deadline, ct);
            if (final is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: wave {n} was still sending after {deadline.TotalMinutes:0} minute(s); the queue goes on: follow it with tracker status --panel {panelId}");
                return ExitCodes.Failed;
            }

            if (parse.GetValue(json))
            {
                var merged = JsonNode.Parse(dispatched.GetRawText())!.AsObject();
                merged["final"] = JsonNode.Parse(final.Value.GetRawText());
                await output.WriteLineAsync(merged.ToJsonString());
                return ExitCodes.Ok;
            }

            console.MarkupLineInterpolated($"Wave {n} sent: invited {Int(final.Value, "invited")} of {Int(final.Value, "planned")} planned, reminded {Int(final.Value, "reminded")}, messages sent {Int(final.Value, "sent")}, failed {Int(final.Value, "failed")}, unknown {Int(final.Value, "unknown")}, responded {Int(final.Value, "responded")}.");
            if (Count(final.Value, "failed") > 0) console.MarkupLineInterpolated($"[yellow]{Int(final.Value, "failed")} message(s) refused for good[/]: the reasons are in tracker status --panel {panelId} --json (failures).");
            if (Count(final.Value, "unknown") > 0) console.MarkupLineInterpolated($"[yellow]{Int(final.Value, "unknown")} message(s) of unknown outcome[/]: tracker wave resend-unknown --panel {panelId} --wave {n} sends them once more.");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    /// <summary>Reads the status until the wave has nothing queued or being sent; null when <paramref name="limit"/> passes first.</summary>
    private static async Task<JsonElement?> WaitUntilSentAsync(TrackerApiClient client, string panelId, int wave, TimeSpan limit, CancellationToken cancellationToken)
    {
        var clock = TimeProvider.System;
        var started = clock.GetTimestamp();
        while (true)
        {
            var status = await client.GetStatusAsync(panelId, cancellationToken);
            var row = status.GetProperty("waves").EnumerateArray().First(w => w.GetProperty("number").GetInt32() == wave);
            if (Count(row, "queued") + Count(row, "sending") == 0) return row.Clone();
            if (clock.GetElapsedTime(started) >= limit) return null;
            await Task.Delay(PollInterval, clock, cancellationToken);
        }
    }

    private static Command ResendUnknownCommand() => WaveAction("resend-unknown", """
            Send once more the wave's messages whose outcome is unknown (the connection was lost after the mail server had
            the whole message, so it may or may not have been delivered). Recipients who did get the first copy get a
            second with the same Message-ID. Each goes out once, however often this is run. The wave must not have closed.

            Examples:
              tracker wave resend-unknown --panel pABCDEFGHJKL --wave 1
            """,
        [],
        (client, _, panelId, n, ct) => client.ResendUnknownAsync(panelId, n, ct),
        (panelId, n, answer) => $"Wave {n} of panel [bold]{panelId}[/]: queued {Int(answer, "queued")} message(s) of unknown outcome again{(Count(answer, "queued") == 0 ? " (none was unknown)" : "")}.");

    private static Command ReissueCommand()
    {
        var includeResponded = new Option<bool>("--include-responded") { Description = "Also send new links to participants who have already answered (so they can change their answers)." };
        return WaveAction("reissue", """
                After a leaked link key was replaced (docs/deploy.md), send the open wave's invited participants whose window is
                still open one fresh invitation with links signed by the active key, the same deadline as before; by default
                only to those who have not answered yet. Once per participant, wave and key: running it again sends nothing
                and counts them as already reissued. The wave must be open.

                Examples:
                  tracker wave reissue --panel pABCDEFGHJKL --wave 2
                  tracker wave reissue --panel pABCDEFGHJKL --wave 2 --include-responded
                """,
            [includeResponded],
            (client, parse, panelId, n, ct) => client.ReissueLinksAsync(panelId, n, parse.GetValue(includeResponded), ct),
            (panelId, n, answer) => $"Wave {n} of panel [bold]{panelId}[/]: queued {Int(answer, "queued")} reissued link(s) under key {Text(answer, "keyId")}; {Int(answer, "alreadyReissued")} already had one.");
    }

    private static Command SealCommand() => WaveAction("seal", """
            Seal a closed wave now: write its responses once to an immutable snapshot, which exports and the models read from
            then on, and refit the panel's model (see tracker model). The timer seals each wave once it has closed for
            everyone; this does it at once. Sealing again changes nothing and says so. Refused (409) while the wave is open.

            Examples:
              tracker wave seal --panel pABCDEFGHJKL --wave 1
              tracker wave seal --panel pABCDEFGHJKL --wave 1 --json | jq .rows
            """,
        [],
        (client, _, panelId, n, ct) => client.SealWaveAsync(panelId, n, ct),
        (panelId, n, answer) => answer.GetProperty("sealedNow").GetBoolean()
            ? (FormattableString)$"Sealed wave {n} of panel [bold]{panelId}[/] at {PanelCommand.Time(answer.GetProperty("sealedAt"))} UTC: {Int(answer, "rows")} response row(s) in {Text(answer, "blob")}."
            : (FormattableString)$"Wave {n} of panel [bold]{panelId}[/] was already sealed at {PanelCommand.Time(answer.GetProperty("sealedAt"))} UTC: {Int(answer, "rows")} response row(s) in {Text(answer, "blob")}; nothing changed.");

    /// <summary>A wave subcommand that makes one call and prints its answer as one line (or as JSON with --json).</summary>
    private static Command WaveAction(
        string name,
        string help,
        Option[] extra,
        Func<TrackerApiClient, ParseResult, string, int, CancellationToken, Task<JsonElement>> call,
        Func<string, int, JsonElement, FormattableString> say)
    {
        var panel = PanelOptions.Panel();
        var number = PanelOptions.Wave();
        var json = PanelOptions.Json("the API's answer");
        var api = new ApiOptions();
        var command = new Command(name, help) { panel, number };
        foreach (var option in extra) command.Options.Add(option);
        command.Options.Add(json);
        api.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, api, async (client, ct) =>
        {
            var panelId = parse.GetValue(panel)!;
            var n = parse.GetValue(number);
            var answer = await call(client, parse, panelId, n, ct);
            if (await PrintedJsonAsync(parse, json, answer)) return ExitCodes.Ok;
            CliConsole.For(parse.InvocationConfiguration.Output).MarkupLineInterpolated(say(panelId, n, answer));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    internal static async Task<bool> PrintedJsonAsync(ParseResult parse, Option<bool> json, JsonElement answer)
    {
        if (!parse.GetValue(json)) return false;
        await parse.InvocationConfiguration.Output.WriteLineAsync(answer.GetRawText());
        return true;
    }

    private static string Int(JsonElement element, string name) => Count(element, name).ToString(CultureInfo.InvariantCulture);

    // A server from before a field existed leaves it out: show 0 rather than fail.
    private static int Count(JsonElement element, string name) => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;

    private static string Text(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value.ToString() : "";
}
