namespace Tracker.Cli.Tests;

/// <summary>A command line that does not parse is one line and exit 2 (docs/researcher.md), not the whole help and exit 1.</summary>
public sealed class ParseErrorTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await TrackerCli.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_missing_required_option_is_one_line_naming_it_and_exit_2()
    {
        var (exitCode, output, error) = await RunAsync("status");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("--panel", line, StringComparison.Ordinal);
        Assert.Contains("tracker status --help", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_command_is_named_with_the_closest_one()
    {
        var (exitCode, _, error) = await RunAsync("stauts", "--panel", "p1");

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("'stauts' is not a command of tracker; did you mean 'status'?", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("panel", "show")]
    [InlineData("panel", "close")]
    [InlineData("panel", "delete", "--yes")]
    public async Task The_panel_commands_without_a_panel_are_one_line_naming_it_and_exit_2(params string[] args)
    {
        var (exitCode, output, error) = await RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("--panel", line, StringComparison.Ordinal);
        Assert.Contains($"tracker {args[0]} {args[1]} --help", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_panel_command_is_named_with_the_closest_one()
    {
        var (exitCode, _, error) = await RunAsync("panel", "delte", "--panel", "p1");

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("did you mean 'delete'?", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_still_prints_the_whole_help_and_succeeds()
    {
        var (exitCode, output, error) = await RunAsync("status", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--panel", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }
}
