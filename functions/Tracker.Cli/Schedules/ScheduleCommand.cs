using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Tracker.Cli.Api;
using Tracker.Cli.Panels;
using Tracker.Cli.Waves;

namespace Tracker.Cli.Schedules;

/// <summary><c>tracker schedule edit --panel ID …</c>: <c>PUT /api/panels/{id}/schedule</c> with the schedule built from options named as its fields.</summary>
public static class ScheduleCommand
{
    public static Command Create()
    {
        var schedule = new Command("schedule", "Change a running panel's schedule.");
        schedule.Subcommands.Add(EditCommand());
        return schedule;
    }

    private static Command EditCommand()
    {
        var panel = PanelOptions.Panel();
        var kind = new Option<string?>("--kind") { Description = "fixed (everyone's wave k opens together; the default) or rolling (from each participant's enrolment; needs --enrol-until)." };
        var start = new Option<string?>("--start") { Description = "When wave 1 opens: a date, time of day and UTC offset, e.g. 2026-12-01T09:00:00+01:00 or …Z.", Required = true };
        var waves = new Option<int?>("--waves") { Description = "How many waves (1–100).", Required = true };
        var interval = new Option<string?>("--interval") { Description = "Time from one wave's opening to the next: an ISO-8601 duration in weeks, days, hours, minutes or seconds (P14D, P2W).", Required = true };
        var window = new Option<string?>("--window") { Description = "How long each participant's window stays open from their invitation (at most the interval), e.g. P7D.", Required = true };
        var sendTime = new Option<string?>("--send-time") { Description = "Send at this time on each participant's own clock, e.g. 09:00." };
        var reminders = new Option<string[]>("--reminder") { Description = "A reminder this long after the invitation, inside the window (repeat for up to 5: --reminder P2D --reminder P5D)." };
        var enrolUntil = new Option<string?>("--enrol-until") { Description = "Rolling schedules: the last instant anyone can join (date, time and UTC offset)." };
        var retention = new Option<string?>("--data-retention-until") { Description = "The last day the study may keep its data (yyyy-MM-dd, after the last wave closes); status warns from 30 days before." };
        var researcher = new Option<string?>("--researcher-email") { Description = "Who is emailed 30 and 7 days before the data-retention date (an empty value removes the address)." };
        var json = PanelOptions.Json("the API's answer");
        var api = new ApiOptions();
        var command = new Command("edit", """
            Replace the schedule of the waves that have not started: waves already under way (anything planned or sent, or
            their time come) keep the schedule they started on, and the new one applies from the first untouched wave. The
            options are the fields of a schedule (docs/api.md); give the whole schedule, as what is left out takes its
            default (no reminders, no send time). Every problem is listed at once; nothing changes unless all is well.
            Then check what will be sent with tracker plan.

            Examples:
              tracker schedule edit --panel pABCDEFGHJKL --start 2026-12-01T08:00:00Z --waves 8 --interval P14D --window P7D
              tracker schedule edit --panel pABCDEFGHJKL --start 2026-12-01T08:00:00Z --waves 6 --interval P14D --window P7D \
                --send-time 09:00 --reminder P2D --reminder P5D
            """)
        {
            panel, kind, start, waves, interval, window, sendTime, reminders, enrolUntil, retention, researcher, json,
        };
        api.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, api, async (client, ct) =>
        {
            // Strings go as strings so the server reads and names every problem (a date without an offset, P1M) itself.
            var body = new JsonObject
            {
                ["start"] = parse.GetValue(start),
                ["waves"] = parse.GetValue(waves),
                ["interval"] = parse.GetValue(interval),
                ["window"] = parse.GetValue(window),
            };
            if (parse.GetValue(kind) is { } k) body["kind"] = k;
            if (parse.GetValue(sendTime) is { } at) body["sendTime"] = at;
            if (parse.GetValue(reminders) is { Length: > 0 } r) body["reminders"] = new JsonArray([.. r.Select(x => (JsonNode?)JsonValue.Create(x))]);
            if (parse.GetValue(enrolUntil) is { } until) body["enrolUntil"] = until;
            if (parse.GetValue(retention) is { } keepUntil) body["dataRetentionUntil"] = keepUntil;
            if (parse.GetValue(researcher) is { } address) body["researcherEmail"] = address;

            var panelId = parse.GetValue(panel)!;
            var edited = await client.EditScheduleAsync(panelId, body.ToJsonString(), ct);
            if (await WaveCommand.PrintedJsonAsync(parse, json, edited)) return ExitCodes.Ok;

            var console = CliConsole.For(parse.InvocationConfiguration.Output);
            console.MarkupLineInterpolated($"Schedule of panel [bold]{panelId}[/] changed: waves from {edited.GetProperty("firstReplannedWave").GetInt32()} re-planned.");
            var table = new Table().AddColumn(new TableColumn("wave").RightAligned()).AddColumn("opens (UTC)").AddColumn("closes (UTC)").AddColumn("re-planned");
            foreach (var wave in edited.GetProperty("waves").EnumerateArray())
            {
                table.AddRow(
                    wave.GetProperty("number").GetInt32().ToString(CultureInfo.InvariantCulture),
                    PanelCommand.Time(wave.GetProperty("opensAt")),
                    PanelCommand.Time(wave.GetProperty("closesAt")),
                    wave.GetProperty("replanned").GetBoolean() ? "yes" : "no (under way)");
            }

            console.Write(table);
            console.MarkupLineInterpolated($"Next: tracker plan --panel {panelId}");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
