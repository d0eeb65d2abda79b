using System.Text.Json;

namespace Tracker.Cli.Tests;

/// <summary>
/// `tracker analyze --riclpm`: on lavaan's reference panels the JSON section `riclpm` carries lavaan's
/// fit measures and parameters within the agreed tolerances, the report states the lagged paths in
/// words, and bad arguments end with exit 2 and one clear line.
/// </summary>
public class AnalyzeRiclpmTests
{
    [Theory]
    [InlineData("two_free", new string[0])]
    [InlineData("two_equal", new[] { "--riclpm-equal" })]
    public async Task Json_riclpm_section_matches_lavaan(string name, string[] extra)
    {
        var run = await CliRun.AnalyzeAsync(["--input", CliRun.Reference($"riclpm/{name}.csv"), "--riclpm", "ownership,willingness", "--json", "-", .. extra]);

        Assert.True(run.ExitCode == 0, run.Error);
        using var actual = JsonDocument.Parse(run.Output);
        using var expected = JsonDocument.Parse(File.ReadAllText(CliRun.Reference($"riclpm/{name}.ref.json")));
        var riclpm = actual.RootElement.GetProperty("riclpm");
        Assert.True(riclpm.GetProperty("identified").GetBoolean());
        var fit = riclpm.GetProperty("fit");
        var lavaanFit = expected.RootElement.GetProperty("fit");
        Assert.Equal(["logl", "npar", "chisq", "df", "cfi", "rmsea", "ntotal"], fit.EnumerateObject().Select(p => p.Name));
        foreach (var key in new[] { "npar", "df", "ntotal" }) Assert.Equal(lavaanFit.GetProperty(key).GetDouble(), fit.GetProperty(key).GetDouble());
        Assert.Equal(lavaanFit.GetProperty("logl").GetDouble(), fit.GetProperty("logl").GetDouble(), 1e-3);
        Assert.Equal(lavaanFit.GetProperty("chisq").GetDouble(), fit.GetProperty("chisq").GetDouble(), 1e-2);
        Assert.Equal(lavaanFit.GetProperty("cfi").GetDouble(), fit.GetProperty("cfi").GetDouble(), 1e-3);
        Assert.Equal(lavaanFit.GetProperty("rmsea").GetDouble(), fit.GetProperty("rmsea").GetDouble(), 1e-3);

        var parameters = riclpm.GetProperty("parameters").EnumerateArray().ToList();
        var lavaan = expected.RootElement.GetProperty("parameters").EnumerateArray().ToList();
        Assert.Equal(lavaan.Count, parameters.Count);
        foreach (var row in lavaan)
        {
            var key = (row.GetProperty("lhs").GetString(), row.GetProperty("op").GetString(), row.GetProperty("rhs").GetString());
            var match = parameters.Single(p => (p.GetProperty("lhs").GetString(), p.GetProperty("op").GetString(), p.GetProperty("rhs").GetString()) == key
                || (key.Item2 == "~~" && (p.GetProperty("rhs").GetString(), p.GetProperty("op").GetString(), p.GetProperty("lhs").GetString()) == key));
            Assert.Equal(row.GetProperty("est").GetDouble(), match.GetProperty("est").GetDouble(), 1e-3);
            var se = row.GetProperty("se").GetDouble();
            Assert.InRange(match.GetProperty("se").GetDouble(), se * 0.99, se * 1.01);
        }
    }

    [Fact]
    public async Task Report_states_each_lagged_path_in_words()
    {
        var run = await CliRun.AnalyzeAsync("--input", CliRun.Reference("riclpm/two_equal.csv"), "--riclpm", "ownership,willingness", "--riclpm-equal");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Within-person cross-lagged paths", run.Output, StringComparison.Ordinal);
        // The console wraps long lines: read the sentences from the text with line breaks folded.
        var text = System.Text.RegularExpressions.Regex.Replace(run.Output, @"\s*\n\s*", " ");
        var sentences = System.Text.RegularExpressions.Regex.Matches(text, @"A participant whose .*? different from zero\.").Select(m => m.Value).ToList();
        // Equal paths: one sentence per ordered pair of constructs (2 × 2).
        Assert.Equal(4, sentences.Count);
        Assert.Contains(sentences, s => s.Contains("whose ownership was 1 point above their own usual level at one wave was, at the next wave,", StringComparison.Ordinal) && s.Contains("than usual in willingness", StringComparison.Ordinal));
        Assert.All(sentences, s => Assert.Matches(@"points \[-?\d+\.\d\d, -?\d+\.\d\d\] (higher|lower) than usual in \w+ — (clearly|not clearly) different from zero\.$", s));
    }

    [Fact]
    public async Task A_construct_nobody_answered_in_a_wave_is_reported_not_fitted()
    {
        var run = await CliRun.AnalyzeAsync("--input", CliRun.Reference("riclpm/unasked_wave.csv"), "--riclpm", "ownership,willingness", "--json", "-");

        Assert.True(run.ExitCode == 0, run.Error);
        using var actual = JsonDocument.Parse(run.Output);
        var riclpm = actual.RootElement.GetProperty("riclpm");
        Assert.False(riclpm.GetProperty("identified").GetBoolean());
        Assert.Contains("nobody answered willingness in wave 3", riclpm.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(riclpm.GetProperty("parameters").EnumerateArray());
    }

    [Theory]
    [InlineData(new[] { "--riclpm", "ownership" }, "--riclpm takes 2 to 4 construct columns")]
    [InlineData(new[] { "--riclpm", "a,b,c,d,e" }, "--riclpm takes 2 to 4 construct columns")]
    [InlineData(new[] { "--riclpm", "ownership,,willingness" }, "--riclpm takes 2 to 4 construct columns")]
    [InlineData(new[] { "--riclpm", "ownership,ownership" }, "names 'ownership' twice")]
    [InlineData(new[] { "--riclpm", "ownership,nosuch" }, "no column 'nosuch'")]
    [InlineData(new[] { "--riclpm-equal" }, "--riclpm-equal needs --riclpm")]
    public async Task Bad_riclpm_arguments_exit_2_with_one_line(string[] arguments, string expected)
    {
        var run = await CliRun.AnalyzeAsync(["--input", CliRun.Reference("riclpm/two_free.csv"), .. arguments]);

        Assert.Equal(2, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
