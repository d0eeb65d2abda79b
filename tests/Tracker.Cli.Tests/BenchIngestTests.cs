using System.CommandLine;
using System.Text.Json;
using Tracker.Cli.Bench;

namespace Tracker.Cli.Tests;

/// <summary>
/// <c>tracker bench ingest</c> at a size that fits CI, against a real Azurite and the local Function App. Timing is
/// reported, never asserted: what must hold is the accounting, and that every link opened served the form.
/// </summary>
public sealed class BenchIngestTests
{
    [Fact]
    public async Task Every_acknowledged_submission_is_stored_exactly_once_with_the_answers_posted()
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(BenchCommand.Create());
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await root.Parse(["bench", "ingest", "--submissions", "300", "--concurrency", "16", "--json", "-"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}");
        using var json = JsonDocument.Parse(output.ToString().Trim().Split('\n')[^1]);
        var report = json.RootElement;
        var accounting = report.GetProperty("accounting");
        var warmup = report.GetProperty("warmup").GetInt32();

        // Every participant submitted once and, with storage healthy, every one was told "saved" and is stored once.
        Assert.Equal(300 + warmup, accounting.GetProperty("acknowledged").GetInt32());
        Assert.Equal(300 + warmup, accounting.GetProperty("stored").GetInt32());
        Assert.Equal(0, accounting.GetProperty("missing").GetInt32());
        Assert.Equal(0, accounting.GetProperty("unacknowledged").GetInt32());
        Assert.Equal(0, accounting.GetProperty("mismatched").GetInt32());
        Assert.Equal(0, accounting.GetProperty("rewritten").GetInt32());
        Assert.True(accounting.GetProperty("exactly_once").GetBoolean());
        Assert.Equal(300 + warmup, report.GetProperty("status_codes").GetProperty("200").GetInt32());

        // Both phases ran in full, so the ratio compares like with like.
        Assert.Equal(300, report.GetProperty("tracker").GetProperty("operations").GetInt32());
        Assert.Equal(300, report.GetProperty("baseline").GetProperty("operations").GetInt32());
        Assert.True(report.GetProperty("ratio").GetDouble() > 0);

        // Every participant opened their link first (warm-up included) and was served the form, not a refusal.
        var open = report.GetProperty("open");
        Assert.Equal(300 + warmup, open.GetProperty("forms_served").GetInt32());
        Assert.Equal(300 + warmup, open.GetProperty("status_codes").GetProperty("200").GetInt32());
        Assert.Equal(0, open.GetProperty("transport_errors").GetInt32());
        Assert.Equal(300, open.GetProperty("tracker").GetProperty("operations").GetInt32());
        Assert.Equal(300, open.GetProperty("baseline").GetProperty("operations").GetInt32());
        Assert.True(open.GetProperty("ratio").GetDouble() > 0);
    }
}
