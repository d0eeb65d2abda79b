using System.Text.Json;

namespace Tracker.Cli.Tests;

/// <summary>`tracker analyze --json -` on the reference CSVs: the JSON carries the reference file's sections and keys with lme4's, nls's and survfit's values.</summary>
public class AnalyzeJsonTests
{
    [Theory]
    [InlineData("example_panel.csv", "example_panel.ref.json", new[] { "--formula", "willingness ~ days * cc + (days | participant_id)" })]
    [InlineData("example_panel.csv", "example_panel.plain.ref.json", new string[0])]
    [InlineData("sleepstudy.csv", "sleepstudy.ref.json", new[] { "--outcome", "reaction", "--subject", "subject" })]
    [InlineData("sleepstudy.csv", "sleepstudy.ref.json", new[] { "--formula", "reaction ~ days + (days | subject)" })]
    public async Task Json_matches_the_reference_sections_and_values(string data, string reference, string[] extra)
    {
        var run = await CliRun.AnalyzeAsync(["--input", CliRun.Reference(data), "--json", "-", .. extra]);

        Assert.True(run.ExitCode == 0, run.Error);
        using var actual = JsonDocument.Parse(run.Output);
        using var expected = JsonDocument.Parse(File.ReadAllText(CliRun.Reference(reference)));
        var root = actual.RootElement;
        Assert.Equal(["growth", "decay", "persistence", "retention", "descriptives", "reliability"], root.EnumerateObject().Select(p => p.Name));

        var growth = root.GetProperty("growth");
        var expectedGrowth = expected.RootElement.GetProperty("growth");
        AssertKeysContained(expectedGrowth, growth);
        Assert.Equal(expectedGrowth.GetProperty("formula").GetString(), growth.GetProperty("formula").GetString());
        Assert.Equal(expectedGrowth.GetProperty("reml_criterion").GetDouble(), growth.GetProperty("reml_criterion").GetDouble(), 1e-3);
        foreach (var effect in expectedGrowth.GetProperty("fixed").EnumerateObject())
        {
            var se = effect.Value.GetProperty("se").GetDouble();
            Assert.Equal(effect.Value.GetProperty("estimate").GetDouble(), growth.GetProperty("fixed").GetProperty(effect.Name).GetProperty("estimate").GetDouble(), 1e-3 * se);
        }
        Assert.Equal(reference == "example_panel.ref.json", growth.GetProperty("singular").GetBoolean());
        Assert.True(growth.GetProperty("converged").GetBoolean());

        var decay = root.GetProperty("decay");
        AssertKeysContained(expected.RootElement.GetProperty("decay"), decay);
        var expectedDecay = expected.RootElement.GetProperty("decay");
        if (expectedDecay.TryGetProperty("plateau", out var plateau))
            Assert.Equal(plateau.GetProperty("estimate").GetDouble(), decay.GetProperty("plateau").GetProperty("estimate").GetDouble(), 1e-4 * Math.Abs(plateau.GetProperty("estimate").GetDouble()));
        else
            Assert.False(decay.GetProperty("converged").GetBoolean());

        var persistence = root.GetProperty("persistence");
        AssertKeysContained(expected.RootElement.GetProperty("persistence"), persistence);
        Assert.Equal(expected.RootElement.GetProperty("persistence").GetProperty("rho").GetProperty("se").GetDouble(), persistence.GetProperty("rho").GetProperty("se").GetDouble(), 1e-8);

        var retention = root.GetProperty("retention");
        AssertKeysContained(expected.RootElement.GetProperty("retention"), retention);
        var expectedCurve = expected.RootElement.GetProperty("retention").GetProperty("curve").EnumerateArray().ToList();
        var curve = retention.GetProperty("curve").EnumerateArray().ToList();
        Assert.Equal(expectedCurve.Count, curve.Count);
        for (var i = 0; i < curve.Count; i++)
        {
            AssertKeysContained(expectedCurve[i], curve[i]);
            Assert.Equal(expectedCurve[i].GetProperty("survival").GetDouble(), curve[i].GetProperty("survival").GetDouble(), 1e-8);
            Assert.Equal(expectedCurve[i].GetProperty("se").GetDouble(), curve[i].GetProperty("se").GetDouble(), 1e-8);
        }
    }

    [Fact]
    public async Task Json_file_and_readable_report_are_both_written()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tracker-analyze-{Guid.NewGuid():N}.json");
        try
        {
            var run = await CliRun.AnalyzeAsync("--input", CliRun.Reference("example_panel.csv"), "--json", path);

            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains("half-life", run.Output, StringComparison.Ordinal);
            Assert.Contains("plateau of 3.30", run.Output, StringComparison.Ordinal);
            Assert.Contains("Kaplan", run.Output, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var descriptives = json.RootElement.GetProperty("descriptives").GetProperty("willingness").EnumerateArray().ToList();
            Assert.Equal(6, descriptives.Count);
            Assert.Equal(225, descriptives[0].GetProperty("n").GetInt32());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Item_columns_give_cronbach_alpha_per_construct_and_wave()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tracker-items-{Guid.NewGuid():N}.csv");
        try
        {
            var random = new Random(3);
            var lines = new List<string> { "participant_id,wave,days,willingness,willingness_1,willingness_2,willingness_3" };
            for (var p = 0; p < 40; p++)
            {
                var trait = random.NextDouble() * 4;
                for (var w = 1; w <= 3; w++)
                {
                    var items = Enumerable.Range(0, 3).Select(_ => Math.Round(2 + trait + random.NextDouble(), 2)).ToArray();
                    lines.Add($"p{p},{w},{(w - 1) * 30},{items.Average():R},{items[0]:R},{items[1]:R},{items[2]:R}");
                }
            }
            File.WriteAllLines(path, lines);

            var run = await CliRun.AnalyzeAsync("--input", path, "--json", "-");

            Assert.True(run.ExitCode == 0, run.Error);
            using var json = JsonDocument.Parse(run.Output);
            var construct = json.RootElement.GetProperty("reliability").GetProperty("willingness");
            Assert.Equal(["willingness_1", "willingness_2", "willingness_3"], construct.GetProperty("items").EnumerateArray().Select(i => i.GetString()));
            var waves = construct.GetProperty("waves").EnumerateArray().ToList();
            Assert.Equal(3, waves.Count);
            Assert.All(waves, w => Assert.InRange(w.GetProperty("alpha").GetDouble(), 0.9, 1.0));
            Assert.False(json.RootElement.GetProperty("descriptives").TryGetProperty("willingness_1", out _));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Export_shaped_csv_with_timestamps_quotes_and_missing_scores_is_analysed()
    {
        // The long export's shape: ids, wave, days, a submitted_at timestamp (text, unused by the models),
        // quoted fields, and construct scores some of which are missing.
        var path = Path.Combine(Path.GetTempPath(), $"tracker-export-{Guid.NewGuid():N}.csv");
        try
        {
            var lines = File.ReadAllLines(CliRun.Reference("example_panel.csv")).Skip(1).Select(l => l.Split(',')).ToList();
            var csv = new List<string> { "participant_id,wave,days,submitted_at,willingness,ownership" };
            for (var i = 0; i < lines.Count; i++)
            {
                var f = lines[i];
                var ownership = i % 17 == 0 ? "" : (double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture) - 0.5).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                csv.Add($"\"{f[0]}\",{f[1]},{f[2]},2026-0{f[1]}-01T10:00:00Z,{f[3]},{ownership}");
            }
            File.WriteAllLines(path, csv);

            var run = await CliRun.AnalyzeAsync("--input", path, "--json", "-");

            Assert.True(run.ExitCode == 0, run.Error);
            using var json = JsonDocument.Parse(run.Output);
            using var expected = JsonDocument.Parse(File.ReadAllText(CliRun.Reference("example_panel.plain.ref.json")));
            Assert.Equal(expected.RootElement.GetProperty("growth").GetProperty("reml_criterion").GetDouble(), json.RootElement.GetProperty("growth").GetProperty("reml_criterion").GetDouble(), 1e-3);
            var descriptives = json.RootElement.GetProperty("descriptives");
            Assert.Equal(["willingness", "ownership"], descriptives.EnumerateObject().Select(p => p.Name));
            Assert.Equal(lines.Count - (lines.Count + 16) / 17, descriptives.GetProperty("ownership").EnumerateArray().Sum(w => w.GetProperty("n").GetInt32()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertKeysContained(JsonElement expected, JsonElement actual)
    {
        var missing = expected.EnumerateObject().Select(p => p.Name).Where(name => !actual.TryGetProperty(name, out _)).ToList();
        Assert.True(missing.Count == 0, $"missing keys: {string.Join(", ", missing)}");
    }
}
