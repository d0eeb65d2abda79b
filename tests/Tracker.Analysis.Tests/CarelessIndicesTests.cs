using System.Globalization;
using System.Text.Json;
using Tracker.Analysis.Careless;

namespace Tracker.Analysis.Tests;

/// <summary>
/// The careless-answer indices against values computed independently in base R (Reference/careless/careless_reference.R
/// on the committed careless.csv), and the flags against the documented thresholds.
/// </summary>
public class CarelessIndicesTests
{
    private const double Tolerance = 1e-9;

    private static readonly JsonElement Reference = ReferenceData.Json(Path.Combine("careless", "careless.ref.json"));

    private static readonly string[] ItemConstructs = Reference.GetProperty("constructs").EnumerateArray().Select(c => c.GetString()!).ToArray();

    private static readonly (string Id, CarelessResponse Response)[] Wave = ReadWave();

    private static (string, CarelessResponse)[] ReadWave()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Reference", "careless", "careless.csv"));
        return lines.Skip(1).Select(line =>
        {
            var fields = line.Split(',');
            double? Number(string field) => field.Length == 0 ? null : double.Parse(field, CultureInfo.InvariantCulture);
            var answers = fields[1..^1].Select(Number).ToArray();
            return (fields[0].Trim('"'), new CarelessResponse(answers, Number(fields[^1])));
        }).ToArray();
    }

    private static IReadOnlyList<CarelessScores> Scores() => CarelessIndices.Score(ItemConstructs, Wave.Select(w => w.Response).ToArray());

    private static IEnumerable<(JsonElement Expected, CarelessScores Actual)> Pairs()
    {
        var expected = Reference.GetProperty("responses").EnumerateArray().ToArray();
        var actual = Scores();
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].GetProperty("response").GetString(), Wave[i].Id);
            yield return (expected[i], actual[i]);
        }
    }

    private static double? Optional(JsonElement row, string name) =>
        row.GetProperty(name).ValueKind == JsonValueKind.Null ? null : row.GetProperty(name).GetDouble();

    private static void Near(double? expected, double? actual, string what)
    {
        Assert.True(expected.HasValue == actual.HasValue, $"{what}: R {expected?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "null"}, Tracker {actual?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "null"}");
        if (expected is { } e) Assert.True(Math.Abs(e - actual!.Value) <= Tolerance * Math.Max(1, Math.Abs(e)), $"{what}: R {e}, Tracker {actual}");
    }

    [Fact]
    public void LongStringMatchesR()
    {
        foreach (var (expected, actual) in Pairs())
            Assert.Equal(expected.GetProperty("longstring").GetInt32(), actual.LongString);
    }

    [Fact]
    public void IrvMatchesR()
    {
        foreach (var (expected, actual) in Pairs()) Near(Optional(expected, "irv"), actual.Irv, "irv " + expected.GetProperty("response"));
    }

    [Fact]
    public void MahalanobisOverAnsweredItemsMatchesR()
    {
        foreach (var (expected, actual) in Pairs())
        {
            var id = expected.GetProperty("response").ToString();
            Near(Optional(expected, "mahalanobis"), actual.Mahalanobis, "D² " + id);
            Assert.Equal(expected.GetProperty("mahalanobis_df").GetInt32(), actual.MahalanobisDegreesOfFreedom);
            Near(Optional(expected, "mahalanobis_p"), actual.MahalanobisP, "p " + id);
        }
    }

    [Fact]
    public void EvenOddMatchesRWithSpearmanBrown()
    {
        foreach (var (expected, actual) in Pairs())
        {
            var id = expected.GetProperty("response").ToString();
            var r = Optional(expected, "evenodd_r");
            Near(r, actual.EvenOddCorrelation, "even–odd r " + id);
            if (r is -1.0) Assert.Equal(double.NegativeInfinity, actual.EvenOdd);
            else Near(Optional(expected, "evenodd"), actual.EvenOdd, "even–odd " + id);
        }
    }

    [Fact]
    public void FlagsFollowTheThresholds()
    {
        var t = CarelessThresholds.Default;
        var k = ItemConstructs.Length;
        foreach (var ((_, response), scores) in Wave.Zip(Scores()))
        {
            Assert.Equal(scores.LongString >= t.LongStringShare * k, scores.Flags.HasFlag(CarelessFlags.LongString));
            Assert.Equal(scores.Irv <= t.MinimumIrv, scores.Flags.HasFlag(CarelessFlags.LowVariability));
            Assert.Equal(scores.MahalanobisP < t.MahalanobisPValue, scores.Flags.HasFlag(CarelessFlags.Outlier));
            Assert.Equal(scores.EvenOdd < t.MinimumEvenOdd, scores.Flags.HasFlag(CarelessFlags.Inconsistent));
            Assert.Equal(response.SecondsToSubmit < t.MinimumSecondsPerItem * k, scores.Flags.HasFlag(CarelessFlags.TooFast));
        }
        var byId = Wave.Select(w => w.Id).Zip(Scores()).ToDictionary(p => p.First, p => p.Second);
        // The planted patterns of careless_reference.R: the straight-liner, the long run, the alternating answerer, the fast ones.
        Assert.True(byId["r01"].Flags.HasFlag(CarelessFlags.LongString | CarelessFlags.LowVariability | CarelessFlags.TooFast));
        Assert.True(byId["r02"].Flags.HasFlag(CarelessFlags.LongString));
        Assert.True(byId["r03"].Flags.HasFlag(CarelessFlags.TooFast));
        Assert.True(byId["r04"].Flags.HasFlag(CarelessFlags.Inconsistent));
        Assert.Null(byId["r08"].SecondsToSubmit);
        Assert.False(byId["r08"].Flags.HasFlag(CarelessFlags.TooFast));
    }

    [Fact]
    public void ThresholdsAreConfigurable()
    {
        var strict = new CarelessThresholds(LongStringShare: 0.25);
        var flagged = CarelessIndices.Score(ItemConstructs, Wave.Select(w => w.Response).ToArray(), strict).Count(s => s.Flags.HasFlag(CarelessFlags.LongString));
        var byDefault = Scores().Count(s => s.Flags.HasFlag(CarelessFlags.LongString));
        Assert.True(flagged > byDefault);
    }

    [Fact]
    public void BadInputIsAnAnalysisException()
    {
        Assert.Throws<AnalysisException>(() => CarelessIndices.Score(ItemConstructs, [new CarelessResponse([1, 2], null)]));
        Assert.Throws<AnalysisException>(() => CarelessIndices.Score(ItemConstructs, [], new CarelessThresholds(MahalanobisPValue: 2)));
        Assert.Throws<AnalysisException>(() => CarelessIndices.Score(["a", "b"], [new CarelessResponse([1, double.NaN], null)]));
    }

    [Fact]
    public void TooFewCompleteResponsesLeaveMahalanobisUndefined()
    {
        var few = Wave.Take(5).Select(w => w.Response).ToArray();
        Assert.All(CarelessIndices.Score(ItemConstructs, few), s => Assert.Null(s.Mahalanobis));
    }
}
