namespace Tracker.Cli.Tests;

/// <summary>Bad input ends with one line naming the problem and exit code 2, never a stack trace.</summary>
public class AnalyzeErrorTests
{
    [Fact]
    public async Task Missing_file() =>
        await AssertBadInput(["--input", "/nonexistent/panel.csv"], "does not exist");

    [Fact]
    public async Task Missing_column() =>
        await AssertBadInput(["--input", CliRun.Reference("sleepstudy.csv")], "no column 'willingness'");

    [Fact]
    public async Task Unparsable_formula() =>
        await AssertBadInput(["--input", CliRun.Reference("example_panel.csv"), "--formula", "willingness ~ days + (days || participant_id)"], "'||'");

    [Fact]
    public async Task Unsupported_formula_names_the_part() =>
        await AssertBadInput(["--input", CliRun.Reference("example_panel.csv"), "--formula", "willingness ~ log(days) + (1 | participant_id)"], "log(...)");

    [Fact]
    public async Task Fewer_than_three_groups() =>
        await AssertBadInput(["--input", CliRun.Reference("two_groups.csv"), "--outcome", "reaction", "--subject", "subject"], "at least three groups");

    [Fact]
    public async Task Non_numeric_value() =>
        await WithCsv("participant_id,wave,days,willingness\na,1,0,5\na,2,21,4.5\nb,1,0,n/a?\n", path =>
            AssertBadInput(["--input", path], "column 'willingness' is not numeric: row 3 has 'n/a?'"));

    [Fact]
    public async Task Empty_data() =>
        await WithCsv("participant_id,wave,days,willingness\n", path => AssertBadInput(["--input", path], "no rows"));

    [Fact]
    public async Task Empty_file() =>
        await WithCsv("", path => AssertBadInput(["--input", path], "empty"));

    [Fact]
    public async Task Ragged_row() =>
        await WithCsv("participant_id,wave,days,willingness\na,1,0\n", path => AssertBadInput(["--input", path], "row 1 has 3 fields"));

    private static async Task AssertBadInput(string[] arguments, string expected)
    {
        var run = await CliRun.AnalyzeAsync(arguments);

        Assert.Equal(2, run.ExitCode);
        var line = run.Error.TrimEnd('\r', '\n');
        Assert.DoesNotContain('\n', line);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error + run.Output, StringComparison.Ordinal);
    }

    private static async Task WithCsv(string content, Func<string, Task> test)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tracker-bad-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, content);
        try
        {
            await test(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
