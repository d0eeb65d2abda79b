using System.IO.Compression;
using System.Text.Json;
using Tracker.Cli.Export;
using Tracker.Cli.Panels;
using Tracker.Cli.Participants;
using Tracker.Cli.Status;
using Tracker.Cli.Summaries;

namespace Tracker.Browser.Tests;

/// <summary>
/// The researcher's commands, run in-process against the same real stack over HTTP: a panel run from the command line
/// alone, and every failure as one line with a non-zero exit code.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ResearcherCliTests(BrowserFixture stack) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("tracker-cli-");

    [Fact]
    public async Task A_panel_is_created_filled_watched_and_exported_from_the_command_line()
    {
        var definition = Path.Combine(_folder.FullName, "panel.json");
        await File.WriteAllTextAsync(definition, JsonSerializer.Serialize(new
        {
            name = "CLI study",
            instrument = "default",
            timeZone = "Europe/Berlin",
            schedule = new { start = stack.Clock.GetUtcNow(), waves = 2, interval = "P7D", window = "P5D" },
        }));
        var created = await RunAsync("panel", "create", "--file", definition, "--quiet");
        Assert.Equal((0, ""), (created.ExitCode, created.Error));
        var panelId = created.Output.Trim();
        Assert.Matches("^p[a-z0-9]{11}$", panelId);

        var emails = BrowserFixture.Emails(3);
        var csv = Path.Combine(_folder.FullName, "participants.csv");
        await File.WriteAllTextAsync(csv, "email,external_id,time_zone\n" + string.Join('\n', emails.Select((e, i) => $"{e},x{i},Europe/Berlin")) + "\nnot-an-email,x9,\n");
        var dryRun = await RunAsync("participants", "import", "--panel", panelId, csv, "--dry-run");
        Assert.Equal(0, dryRun.ExitCode);
        Assert.Contains("would add 3", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("1 line(s) rejected", dryRun.Output, StringComparison.Ordinal);
        Assert.Matches(@"│\s+5 │ 'not-an-email' is not an email address", dryRun.Output);
        Assert.Equal(0, (await stack.StatusAsync(panelId)).GetProperty("participants").GetInt32());

        var import = await RunAsync("participants", "import", "--panel", panelId, csv);
        Assert.Contains("Added 3", import.Output, StringComparison.Ordinal);

        await stack.DispatchAsync(panelId, 1);
        var links = await stack.LinksForAsync(emails, wave: 1);
        await stack.SubmitAsync(links[emails[0]], 6);
        await stack.SubmitAsync(links[emails[1]], 3);

        var status = await RunAsync("status", "--panel", panelId);
        Assert.Equal(0, status.ExitCode);
        // wave, state, opens, closes, planned, invited, reminded, opened, sending, failed, unknown, opted out, responded, response rate
        Assert.Matches(@"│\s+1 │ open\s+│[^│]+│[^│]+│\s+3 │\s+3 │\s+0 │\s+\d │\s+0 │\s+0 │\s+0 │\s+0 │\s+2 │\s+66\.7 % │", status.Output);

        // A lost panel id is found again: the list names it with its state and counts.
        var listed = await RunAsync("panel", "list", "--json");
        Assert.Equal(0, listed.ExitCode);
        var mine = JsonDocument.Parse(listed.Output).RootElement.GetProperty("panels").EnumerateArray().Single(p => p.GetProperty("id").GetString() == panelId);
        Assert.Equal(("CLI study", "running", 1, 3, 3), (mine.GetProperty("name").GetString(), mine.GetProperty("state").GetString(), mine.GetProperty("openWave").GetInt32(), mine.GetProperty("participants").GetInt32(), mine.GetProperty("activeParticipants").GetInt32()));
        var table = await RunAsync("panel", "list");
        Assert.Equal(0, table.ExitCode);
        Assert.Matches($@"{panelId}\s+│ CLI study\s+│ running\s+│\s+2 \(wave 1 open\)", table.Output);

        var exported = await RunAsync("export", "--panel", panelId, "--format", "bundle", "--out", _folder.FullName);
        Assert.Equal(0, exported.ExitCode);
        using (var zip = ZipFile.OpenRead(Path.Combine(_folder.FullName, $"{panelId}-bundle.zip")))
        {
            Assert.Equal(["long.csv", "codebook.json", "codebook.md", "analysis.R", "tracker_results.json"], zip.Entries.Select(e => e.FullName));
        }

        Assert.Equal(0, (await RunAsync("export", "--panel", panelId, "--format", "long", "--out", _folder.FullName)).ExitCode);
        var rows = await File.ReadAllLinesAsync(Path.Combine(_folder.FullName, $"{panelId}-long.csv"));
        Assert.Equal(3, rows.Length);
        Assert.Equal(0, (await RunAsync("export", "--panel", panelId, "--format", "codebook", "--out", _folder.FullName)).ExitCode);
        Assert.True(File.Exists(Path.Combine(_folder.FullName, $"{panelId}-codebook.json")));
        Assert.True(File.Exists(Path.Combine(_folder.FullName, $"{panelId}-codebook.md")));
        Assert.Empty(_folder.GetFiles("*.part"));
    }

    [Fact]
    public async Task Every_failure_is_one_line_on_standard_error_with_a_non_zero_exit_code()
    {
        var panelId = await stack.CreatePanelAsync();
        var missing = Path.Combine(_folder.FullName, "missing.csv");
        var notJson = Path.Combine(_folder.FullName, "panel.json");
        await File.WriteAllTextAsync(notJson, "{ \"name\": ");
        var invalid = Path.Combine(_folder.FullName, "invalid.json");
        await File.WriteAllTextAsync(invalid, "{\"name\": \"\"}");

        var cases = new (string[] Arguments, int ExitCode, string Says)[]
        {
            (["status", "--panel", "pNOSUCHPANEL"], 2, "was not found"),
            (["status", "--panel", panelId, "--key", "wrong"], 2, "admin key was refused"),
            (["status", "--panel", panelId, "--url", "http://127.0.0.1:1"], 1, "cannot reach"),
            (["status", "--panel", panelId, "--url", "not a url"], 2, "is not an http(s) URL"),
            (["participants", "import", "--panel", panelId, missing], 2, "does not exist"),
            (["panel", "create", "--file", notJson], 2, "is not valid JSON"),
            (["panel", "create", "--file", invalid], 2, "name: is required"),
            (["export", "--panel", panelId, "--format", "sav", "--out", _folder.FullName], 2, "no export format 'sav'"),
            // #18: a panel without responses was a raw JSON 404 with exit 1.
            (["summary", "--panel", panelId, "--out", _folder.FullName], 2, "nothing to summarise"),
        };
        foreach (var (arguments, exitCode, says) in cases)
        {
            var run = await RunAsync(arguments);
            Assert.True(exitCode == run.ExitCode, $"{string.Join(' ', arguments)} → {run.ExitCode}: {run.Error}");
            var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: ", line, StringComparison.Ordinal);
            Assert.Contains(says, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Help_shows_examples_for_every_command()
    {
        foreach (var command in new[] { new[] { "panel", "create" }, ["panel", "list"], ["participants", "import"], ["status"], ["export"] })
        {
            var help = await RunAsync([.. command, "--help"]);
            Assert.Equal(0, help.ExitCode);
            Assert.Contains("Examples:", help.Output, StringComparison.Ordinal);
            Assert.Contains("--url", help.Output, StringComparison.Ordinal);
            Assert.Contains("TRACKER_ADMIN_KEY", help.Output, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) =>
        InProcessCli.RunAsync(stack, [PanelCommand.Create(), ParticipantsCommand.Create(), StatusCommand.Create(), ExportCommand.Create(), SummaryCommand.Create()], arguments);
}
