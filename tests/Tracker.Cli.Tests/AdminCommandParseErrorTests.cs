namespace Tracker.Cli.Tests;

/// <summary>The #18 admin commands answer a command line that does not parse as every command does: one line naming the problem, exit 2.</summary>
public sealed class AdminCommandParseErrorTests
{
    public static TheoryData<string[], string> Missing => new()
    {
        { ["wave", "send", "--panel", "p1"], "--wave" },
        { ["wave", "seal", "--wave", "1"], "--panel" },
        { ["wave", "resend-unknown", "--panel", "p1"], "--wave" },
        { ["wave", "reissue", "--panel", "p1"], "--wave" },
        { ["wave", "send", "--panel", "p1", "--wave", "one"], "one" },
        { ["schedule", "edit", "--panel", "p1", "--waves", "3", "--interval", "P7D", "--window", "P5D"], "--start" },
        { ["participants", "erase", "--panel", "p1"], "--participant" },
        { ["participants", "erase", "--panel", "p1", "--participant", "x", "--email", "a@example.org"], "give either --participant or --email" },
        { ["participant", "erase", "--participant", "x"], "--panel" },
        { ["model"], "--panel" },
        { ["dashboard", "--open"], "--panel" },
    };

    [Theory]
    [MemberData(nameof(Missing))]
    public async Task A_missing_or_unreadable_option_is_one_line_naming_it_and_exit_2(string[] args, string named)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await TrackerCli.RunAsync(args, output, error);

        Assert.Equal(2, exitCode);
        Assert.Empty(output.ToString());
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.Contains("--help)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasing_without_yes_from_a_script_is_refused_before_anything_is_sent()
    {
        // Port 1 refuses connections: had the command gone on to the API, the line would say "cannot reach" and exit 1.
        var command = Participants.ParticipantsCommand.Create(new Api.TerminalInput(false, new StringReader("y\n")));
        var root = new System.CommandLine.RootCommand("test") { command };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await root.Parse(["participants", "erase", "--panel", "p1", "--participant", "x", "--url", "http://127.0.0.1:1", "--key", "k"])
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("error: erasing cannot be undone and standard input is not a terminal to confirm on: add --yes", line);
        Assert.Empty(output.ToString());
    }
}
