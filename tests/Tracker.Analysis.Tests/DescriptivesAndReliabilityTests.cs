using Tracker.Analysis.Reliability;

namespace Tracker.Analysis.Tests;

/// <summary>Per-wave descriptives against R's mean/sd/t.test, Cronbach's α against psych::alpha (Reference/descriptives_reference.R).</summary>
public class DescriptivesAndReliabilityTests
{
    private static readonly PanelAnalysisOptions Options = new() { Formula = "willingness ~ days + (1 | participant_id)" };

    [Fact]
    public void Descriptives_match_R()
    {
        var expected = ReferenceData.Json("items_panel.descriptives.json").GetProperty("descriptives").GetProperty("willingness");
        var report = PanelAnalysis.Analyze(ReferenceData.Table("items_panel.csv"), Options);

        var willingness = Assert.Single(report.Descriptives);
        Assert.Equal("willingness", willingness.Column);
        Assert.Equal(expected.EnumerateObject().Count(), willingness.Waves.Count);
        foreach (var wave in willingness.Waves)
        {
            var r = expected.GetProperty(wave.Wave.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(r.GetProperty("n").GetInt32(), wave.N);
            PeerAssert.Relative(r.GetProperty("mean").GetDouble(), wave.Mean, PeerAssert.Exact, "mean");
            PeerAssert.Relative(r.GetProperty("sd").GetDouble(), wave.Sd, PeerAssert.Exact, "sd");
            PeerAssert.Relative(r.GetProperty("ci_lower").GetDouble(), wave.CiLower, PeerAssert.Exact, "ci_lower");
            PeerAssert.Relative(r.GetProperty("ci_upper").GetDouble(), wave.CiUpper, PeerAssert.Exact, "ci_upper");
        }
    }

    [Fact]
    public void Cronbach_alpha_matches_psych_alpha_per_construct_and_wave()
    {
        var expected = ReferenceData.Json("items_panel.descriptives.json").GetProperty("reliability");
        var report = PanelAnalysis.Analyze(ReferenceData.Table("items_panel.csv"), Options);

        Assert.Equal(["ownership", "willingness"], report.Reliability.Select(r => r.Construct));
        foreach (var construct in report.Reliability)
        {
            Assert.Equal(Enumerable.Range(1, 3).Select(i => $"{construct.Construct}_{i}"), construct.Items);
            foreach (var wave in construct.Waves)
            {
                var r = expected.GetProperty(construct.Construct).GetProperty(wave.Wave.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(r.GetProperty("n").GetInt32(), wave.N);
                PeerAssert.Relative(r.GetProperty("alpha").GetDouble(), wave.Alpha, PeerAssert.Exact, $"alpha {construct.Construct} wave {wave.Wave}");
            }
        }
    }

    [Theory]
    [InlineData("willingness_1", "willingness")]
    [InlineData("value_internalisation_12", "value_internalisation")]
    [InlineData("willingness", null)]
    [InlineData("wave_", null)]
    [InlineData("q1", null)]
    public void Item_columns_follow_the_prefix_convention(string column, string? construct)
    {
        Assert.Equal(construct, ConstructItems.ConstructOf(column));
    }

    [Fact]
    public void A_lone_item_column_is_not_a_construct()
    {
        var constructs = ConstructItems.FromColumnNames(["ugc_1", "ugc_2", "ugc_10", "community_1", "days"]);

        Assert.Equal(["ugc"], constructs.Keys);
        Assert.Equal(["ugc_1", "ugc_2", "ugc_10"], constructs["ugc"]);
    }
}
