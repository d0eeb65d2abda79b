using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Spectre.Console;
using Tracker.Cli.Api;
using Tracker.Cli.Panels;

namespace Tracker.Cli.Plans;

/// <summary><c>tracker plan --panel ID</c>: the dry run of the schedule — every send it will make, per wave and message, with what already happened.</summary>
public static class PlanCommand
{
    public static Command Create()
    {
        var panel = new Option<string>("--panel", "-p") { Description = "The panel's id.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the plan API's JSON (every send) instead of the summary table." };
        var csv = new Option<FileInfo?>("--out", "-o") { Description = "Also write every planned send to this CSV file (participant id, wave, message, due, closes, state, reason)." };
        var api = new ApiOptions();
        var command = new Command("plan", """
            List every invitation and reminder the panel's current schedule will send: per wave and message, how many are
            planned, due, queued, sent, failed, unknown (no reply after the data went out), cancelled (opted out, answered) or missed, and when the first and last go out.
            Run it after editing a schedule (PUT /api/panels/{id}/schedule) to see what changed.

            Examples:
              tracker plan --panel pABCDEFGHJKL
              tracker plan --panel pABCDEFGHJKL --out plan.csv
            """)
        {
            panel, json, csv,
        };
        api.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, api, async (client, ct) =>
        {
            var file = parse.GetValue(csv);
            var withSends = parse.GetValue(json) || file is not null;
            var plan = await client.GetPlanAsync(parse.GetValue(panel)!, withSends, ct);
            var output = parse.InvocationConfiguration.Output;
            if (file is not null) await WriteCsvAsync(plan, file.FullName, ct);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(plan, CliJson.Indented));
                return ExitCodes.Ok;
            }

            Print(CliConsole.For(output), plan);
            if (file is not null) await output.WriteLineAsync($"Every send written to {file.FullName}");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    public static void Print(IAnsiConsole console, JsonElement plan)
    {
        console.MarkupLineInterpolated($"Plan of panel [bold]{plan.GetProperty("panelId").GetString()}[/] as of {PanelCommand.Time(plan.GetProperty("asOf"))} UTC");
        var table = new Table()
            .AddColumn(new TableColumn("wave").RightAligned())
            .AddColumn("message")
            .AddColumn("first send (UTC)")
            .AddColumn("last send (UTC)")
            .AddColumn("states");
        foreach (var wave in plan.GetProperty("waves").EnumerateArray())
        {
            var number = wave.GetProperty("wave").GetInt32().ToString(CultureInfo.InvariantCulture);
            var first = Time(wave.GetProperty("firstSend"));
            var last = Time(wave.GetProperty("lastSend"));
            // First and last send belong to the wave, not to a message: shown once, on the wave's first row.
            var firstRow = true;
            foreach (var kind in wave.GetProperty("counts").EnumerateObject().OrderBy(k => k.Name == "invite" ? "" : k.Name, StringComparer.Ordinal))
            {
                var states = string.Join(", ", kind.Value.EnumerateObject().Select(s => $"{s.Value.GetInt32()} {s.Name}"));
                table.AddRow(firstRow ? number : "", kind.Name, firstRow ? first : "", firstRow ? last : "", states);
                firstRow = false;
            }
        }

        console.Write(table);
    }

    private static string Time(JsonElement value) => value.ValueKind == JsonValueKind.Null ? "–" : PanelCommand.Time(value);

    private static async Task WriteCsvAsync(JsonElement plan, string path, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var header in new[] { "participant_id", "wave", "message", "due_at", "closes_at", "state", "reason" }) csv.WriteField(header);
        await csv.NextRecordAsync();
        foreach (var send in plan.GetProperty("sends").EnumerateArray())
        {
            cancellationToken.ThrowIfCancellationRequested();
            csv.WriteField(send.GetProperty("participantId").GetString());
            csv.WriteField(send.GetProperty("wave").GetInt32());
            csv.WriteField(send.GetProperty("kind").GetString());
            csv.WriteField(send.GetProperty("dueAt").GetString());
            csv.WriteField(send.GetProperty("closesAt").GetString());
            csv.WriteField(send.GetProperty("state").GetString());
            csv.WriteField(send.GetProperty("reason").ValueKind == JsonValueKind.String ? send.GetProperty("reason").GetString() : "");
            await csv.NextRecordAsync();
        }
    }
}
