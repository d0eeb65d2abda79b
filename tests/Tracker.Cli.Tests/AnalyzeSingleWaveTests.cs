namespace Tracker.Cli.Tests;

/// <summary>`tracker analyze` after a single wave: what one wave supports, and which models need more waves — not an error.</summary>
public class AnalyzeSingleWaveTests
{
    [Fact]
    public async Task Single_wave_prints_what_it_can_and_names_the_models_that_need_more_waves()
    {
        var run = await CliRun.AnalyzeAsync("--input", CliRun.Reference("single_wave.csv"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("", run.Error);
        var text = System.Text.RegularExpressions.Regex.Replace(run.Output, @"\s*\n\s*", " ");
        Assert.Contains("Only one wave so far", text, StringComparison.Ordinal);
        Assert.Contains("need at least 2 waves", text, StringComparison.Ordinal);
        Assert.Contains("Per-wave descriptives", text, StringComparison.Ordinal);
        Assert.Contains("Retention", text, StringComparison.Ordinal);
        Assert.Contains("not fitted:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Single_wave_json_carries_the_sections_with_their_reasons()
    {
        var run = await CliRun.AnalyzeAsync("--input", CliRun.Reference("single_wave.csv"), "--json", "-");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        Assert.False(json.RootElement.GetProperty("growth").GetProperty("converged").GetBoolean());
        Assert.False(json.RootElement.GetProperty("decay").GetProperty("converged").GetBoolean());
    }
}
