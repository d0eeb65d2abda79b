using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Tracker.Cli.Api;

namespace Tracker.Cli.Consent;

/// <summary><c>tracker consent --panel ID [--csv]</c>: the consent record an ethics board asks for.</summary>
public static class ConsentCommand
{
    public static Command Create()
    {
        var panel = new Option<string>("--panel", "-p") { Description = "The panel's id.", Required = true };
        var csv = new Option<bool>("--csv") { Description = "Print consent.csv (one row per decision) instead of the summary." };
        var json = new Option<bool>("--json") { Description = "Print the consent API's JSON (every version's text and hashes, every decision)." };
        var api = new ApiOptions();
        var command = new Command("consent", """
            Show a panel's consent record: each consent version (when it became current, the SHA-256 of its text per
            language) and how many participants agreed or declined; --csv prints every decision.

            Examples:
              tracker consent --panel pABCDEFGHJKL
              tracker consent --panel pABCDEFGHJKL --csv > consent.csv
            """)
        {
            panel, csv, json,
        };
        api.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, api, async (client, ct) =>
        {
            var id = parse.GetValue(panel)!;
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(csv))
            {
                await output.WriteAsync(await client.GetConsentCsvAsync(id, ct));
                return ExitCodes.Ok;
            }

            var report = await client.GetConsentAsync(id, ct);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(report, CliJson.Indented));
                return ExitCodes.Ok;
            }

            Print(CliConsole.For(output), report);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    public static void Print(IAnsiConsole console, JsonElement report)
    {
        ArgumentNullException.ThrowIfNull(console);
        var current = report.GetProperty("currentVersion");
        if (current.ValueKind != JsonValueKind.String)
        {
            console.MarkupLineInterpolated($"Panel {report.GetProperty("panelId").GetString()} asks for no consent.");
            return;
        }

        var records = report.GetProperty("records").EnumerateArray().ToList();
        console.MarkupLineInterpolated($"Panel {report.GetProperty("panelId").GetString()}: consent version [bold]{current.GetString()}[/]; {report.GetProperty("agreed").GetInt32()} agreed, {report.GetProperty("declined").GetInt32()} declined");
        var table = new Table().AddColumns("version", "current since (UTC)", "language", "text SHA-256", "agreed", "declined");
        foreach (var version in report.GetProperty("versions").EnumerateArray())
        {
            var name = version.GetProperty("version").GetString()!;
            var agreed = records.Count(r => r.GetProperty("version").GetString() == name && r.GetProperty("decision").GetString() == "agreed");
            var declined = records.Count(r => r.GetProperty("version").GetString() == name && r.GetProperty("decision").GetString() == "declined");
            foreach (var text in version.GetProperty("texts").EnumerateArray())
            {
                table.AddRow(Markup.Escape(name), version.GetProperty("introducedAt").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(text.GetProperty("language").GetString()!), text.GetProperty("sha256").GetString()!, agreed.ToString(System.Globalization.CultureInfo.InvariantCulture), declined.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        console.Write(table);
    }
}
