using System.CommandLine;
using System.Text.Json;
using Tracker.Cli.Bench;

namespace Tracker.Cli.Tests;

/// <summary>
/// <c>tracker bench dispatch</c> at a size that fits CI, against real Azurite, smtp4dev and the local Function App.
/// Timing is reported, never asserted: what must hold is that the wave went out exactly once.
/// </summary>
public sealed class BenchDispatchTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_participant_gets_exactly_one_invitation_with_the_ledgers_message_id_and_every_row_is_sent(bool fastSink)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(BenchCommand.Create());
        using var output = new StringWriter();
        using var error = new StringWriter();

        string[] arguments = ["bench", "dispatch", "--participants", "50", "--json", "-", .. fastSink ? new[] { "--sink" } : []];
        var exitCode = await root.Parse(arguments)
            // An exception reaches the test with its stack instead of the parser's bare exit 1.
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}\noutput: {output}");
        using var json = JsonDocument.Parse(output.ToString().Trim().Split('\n')[^1]);
        var report = json.RootElement;
        var accounting = report.GetProperty("accounting");
        Assert.Equal(50, accounting.GetProperty("ledger_rows").GetInt32());
        Assert.Equal(50, accounting.GetProperty("ledger_states").GetProperty("sent").GetInt32());
        Assert.Single(accounting.GetProperty("ledger_states").EnumerateObject());
        Assert.Equal(50, accounting.GetProperty("received").GetInt32());
        Assert.Equal(50, accounting.GetProperty("distinct_message_ids").GetInt32());
        Assert.Equal(50, accounting.GetProperty("distinct_recipients").GetInt32());
        Assert.Equal(0, accounting.GetProperty("unknown_message_ids").GetInt32());
        Assert.True(accounting.GetProperty("exactly_once").GetBoolean());

        // All three phases sent the full count, so the ratio compares like with like.
        Assert.Equal(50, report.GetProperty("bare_one_connection").GetProperty("messages").GetInt32());
        Assert.Equal(50, report.GetProperty("bare_pooled").GetProperty("messages").GetInt32());
        Assert.Equal(50, report.GetProperty("tracker").GetProperty("messages").GetInt32());
        Assert.True(report.GetProperty("ratio").GetDouble() > 0);
        Assert.Equal(fastSink ? "sink" : "smtp4dev", report.GetProperty("server").GetString());

        // The planner returns within the wave; the first message is timed only where the server counts as it receives.
        var seconds = report.GetProperty("tracker").GetProperty("seconds").GetDouble();
        Assert.InRange(report.GetProperty("planner_seconds").GetDouble(), 0.001, seconds);
        var first = report.GetProperty("first_message_seconds");
        if (fastSink) Assert.InRange(first.GetDouble(), 0.001, seconds);
        else Assert.Equal(JsonValueKind.Null, first.ValueKind);
    }
}
