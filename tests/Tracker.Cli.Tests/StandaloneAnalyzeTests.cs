extern alias standalone;

using AnalyzeEntry = standalone::Tracker.Analyze.AnalyzeEntry;

namespace Tracker.Cli.Tests;

/// <summary>
/// `tracker-analyze` (the executable bench/analyze.sh publishes Native AOT) answers exactly as `tracker analyze`: the
/// same JSON to the byte, and the same one-line errors with exit code 2.
/// </summary>
public class StandaloneAnalyzeTests
{
    [Theory]
    [InlineData("example_panel.csv", new[] { "--formula", "willingness ~ days * cc + (days | participant_id)" })]
    [InlineData("sleepstudy.csv", new[] { "--outcome", "reaction", "--subject", "subject" })]
    public async Task The_json_is_the_cli_s_to_the_byte(string data, string[] extra)
    {
        string[] arguments = ["--input", CliRun.Reference(data), "--json", "-", .. extra];

        var cli = await CliRun.AnalyzeAsync(arguments);
        var standalone = await RunAsync(arguments);

        Assert.Equal(0, standalone.ExitCode);
        Assert.Equal(cli.Output, standalone.Output);
    }

    [Fact]
    public async Task A_missing_file_is_the_cli_s_one_line_error()
    {
        string[] arguments = ["--input", CliRun.Reference("no_such_panel.csv"), "--json", "-"];

        var cli = await CliRun.AnalyzeAsync(arguments);
        var standalone = await RunAsync(arguments);

        Assert.Equal((2, cli.Error), (standalone.ExitCode, standalone.Error));
        Assert.StartsWith("error: input file", standalone.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_line_that_does_not_parse_is_one_line_and_exit_2()
    {
        var standalone = await RunAsync(["--json", "-"]);

        Assert.Equal(2, standalone.ExitCode);
        Assert.Equal("", standalone.Output);
        Assert.Single(standalone.Error.TrimEnd().Split('\n'));
        Assert.Contains("--input", standalone.Error, StringComparison.Ordinal);
    }

    private static async Task<CliRun> RunAsync(string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AnalyzeEntry.RunAsync(arguments, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
