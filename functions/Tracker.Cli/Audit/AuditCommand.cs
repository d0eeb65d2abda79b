using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Tracker.Cli.Api;

namespace Tracker.Cli.Audit;

/// <summary><c>tracker audit --panel ID [--from] [--to] [--action] [--who] [--json]</c>: who did what to a panel, newest first.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var panel = new Option<string>("--panel", "-p") { Description = "The panel's id.", Required = true };
        var from = new Option<string?>("--from") { Description = "Only actions at or after this ISO 8601 date or time." };
        var to = new Option<string?>("--to") { Description = "Only actions at or before this ISO 8601 date or time." };
        var action = new Option<string?>("--action") { Description = "Only this action (the function's name, e.g. EraseParticipant, ExportPanel)." };
        var who = new Option<string?>("--who") { Description = "Only this caller (a signed-in name, or key:NAME)." };
        var json = new Option<bool>("--json") { Description = "Print every row as JSON (all pages) instead of the table." };
        var api = new ApiOptions();
        var command = new Command("audit", """
            Show a panel's audit trail (owner only): every admin action on it, allowed or refused, newest first, with who,
            their role, how they signed in, what they touched and how it ended. Reads every page.

            Examples:
              tracker audit --panel pABCDEFGHJKL
              tracker audit --panel pABCDEFGHJKL --action EraseParticipant --from 2026-12-01 --json
            """)
        {
            panel, from, to, action, who, json,
        };
        api.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, api, async (client, ct) =>
        {
            var id = parse.GetValue(panel)!;
            var filters = new List<string>();
            void Add(string name, string? value)
            {
                if (!string.IsNullOrWhiteSpace(value)) filters.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
            }

            Add("from", parse.GetValue(from));
            Add("to", parse.GetValue(to));
            Add("action", parse.GetValue(action));
            Add("who", parse.GetValue(who));

            var entries = new JsonArray();
            string? continuation = null;
            do
            {
                var query = filters.Concat(continuation is null ? [] : [$"continuation={Uri.EscapeDataString(continuation)}"]).ToList();
                var page = await client.GetAuditAsync(id, query.Count == 0 ? "" : "?" + string.Join('&', query), ct);
                foreach (var entry in page.GetProperty("entries").EnumerateArray()) entries.Add(JsonNode.Parse(entry.GetRawText()));
                continuation = page.TryGetProperty("continuation", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            }
            while (continuation is not null);

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(entries.ToJsonString(CliJson.Indented));
                return ExitCodes.Ok;
            }

            Print(CliConsole.For(output), id, entries);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    public static void Print(IAnsiConsole console, string panelId, JsonArray entries)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(entries);
        console.MarkupLineInterpolated($"Panel {panelId}: {entries.Count} audit rows, newest first");
        var table = new Table().AddColumns("when (UTC)", "who", "role", "how", "action", "target", "result", "details", "from");
        foreach (var entry in entries.OfType<JsonObject>())
        {
            var participants = entry["participantIds"] as JsonArray ?? [];
            var target = string.Join(' ', participants.Select(p => (string?)p).Concat(entry["wave"] is JsonValue wave ? [$"wave {wave}"] : []));
            var details = entry["details"] is JsonObject map ? string.Join(", ", map.Select(d => $"{d.Key}={d.Value}")) : "";
            table.AddRow(
                Markup.Escape(entry["at"]!.GetValue<DateTimeOffset>().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                Markup.Escape((string?)entry["who"] ?? ""),
                Markup.Escape((string?)entry["role"] ?? ""),
                Markup.Escape((string?)entry["method"] ?? ""),
                Markup.Escape((string?)entry["action"] ?? ""),
                Markup.Escape(target),
                Markup.Escape($"{(string?)entry["result"]} {entry["status"]}"),
                Markup.Escape(details),
                Markup.Escape((string?)entry["clientAddress"] ?? ""));
        }

        console.Write(table);
    }
}
