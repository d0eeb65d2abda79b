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

    [Fact]
    public async Task Single_wave_json_keeps_the_keys_of_sections_without_a_fit()
    {
        var run = await CliRun.AnalyzeAsync("--input", CliRun.Reference("single_wave.csv"), "--json", "-");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        // Without a fit: no numbers of a fit (not even nulls), and the message always, as the reference files have it.
        Assert.Equal(["formula", "converged", "message"], Keys(root.GetProperty("growth")));
        Assert.Equal(["converged", "message"], Keys(root.GetProperty("decay")));
        Assert.Equal(["n_pairs", "n_groups", "converged", "message"], Keys(root.GetProperty("persistence")));
        Assert.All(root.GetProperty("retention").GetProperty("curve").EnumerateArray(), step => Assert.Equal(["wave", "at_risk", "events", "survival", "se"], Keys(step)));
    }

    private static string[] Keys(System.Text.Json.JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
