using System.Text.Json;

namespace Tracker.Cli.Tests;

/// <summary>
/// Pins `tracker analyze --json` key for key (names, order, kinds, nulls) and number for number, as the hand-written
/// writer produced it when these files were captured (issue #13: the writer is to become named records with a
/// source-generated context, and the keys must not move). Numbers compare to 1e-9 relative so a different CPU's last
/// bit does not fail the pin, while any renamed, reordered, missing or extra key does. The growth section's numbers
/// were captured again in session 10, when the growth fit moved to an exact-gradient optimiser: the optimum is the
/// same to within the deviance's rounding (REML criteria within 1.2e-10), but its flat directions (a standard error,
/// a correlation) moved by up to 5e-7 relative — beyond this pin, not beyond the lme4 comparisons.
/// </summary>
public class AnalyzeJsonPinnedTests
{
    [Theory]
    [InlineData("example_panel.analyze.json", new[] { "--input", "example_panel.csv", "--formula", "willingness ~ days * cc + (days | participant_id)" })]
    [InlineData("two_free.analyze.json", new[] { "--input", "riclpm/two_free.csv", "--riclpm", "ownership,willingness" })]
    public async Task Json_keeps_every_key_and_number_of_the_pinned_output(string pinned, string[] arguments)
    {
        var resolved = arguments.Select((a, i) => i > 0 && arguments[i - 1] == "--input" ? CliRun.Reference(a) : a).ToArray();
        var run = await CliRun.AnalyzeAsync([.. resolved, "--json", "-"]);

        Assert.True(run.ExitCode == 0, run.Error);
        using var actual = JsonDocument.Parse(run.Output);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Pinned", pinned)));
        AssertSame(expected.RootElement, actual.RootElement, "$");
    }

    private static void AssertSame(JsonElement expected, JsonElement actual, string path)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: {actual.ValueKind}, pinned {expected.ValueKind}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.True(
                    expected.EnumerateObject().Select(p => p.Name).SequenceEqual(actual.EnumerateObject().Select(p => p.Name)),
                    $"{path}: keys {string.Join(",", actual.EnumerateObject().Select(p => p.Name))}, pinned {string.Join(",", expected.EnumerateObject().Select(p => p.Name))}");
                foreach (var property in expected.EnumerateObject()) AssertSame(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}");
                break;
            case JsonValueKind.Array:
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(), $"{path}: {actual.GetArrayLength()} items, pinned {expected.GetArrayLength()}");
                foreach (var (item, index) in expected.EnumerateArray().Select((e, i) => (e, i))) AssertSame(item, actual[index], $"{path}[{index}]");
                break;
            case JsonValueKind.Number:
                var (want, got) = (expected.GetDouble(), actual.GetDouble());
                Assert.True(Math.Abs(want - got) <= 1e-9 * Math.Max(1, Math.Abs(want)), $"{path}: {got}, pinned {want}");
                break;
            case JsonValueKind.String:
                Assert.Equal(expected.GetString(), actual.GetString());
                break;
        }
    }
}
