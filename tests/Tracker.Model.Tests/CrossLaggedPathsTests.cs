using Tracker.Model.Findings;
using Tracker.Model.Models;
using Tracker.Model.Suppression;
using static Tracker.Model.Findings.Numbers;

namespace Tracker.Model.Tests;

/// <summary>
/// The stored model's cross-lagged paths and the summary's words for them, on <see cref="CrossLaggedPanel"/> (a
/// known positive path ownership → willingness and null paths elsewhere). The words are checked against the
/// document's own estimates and standard errors, recomputed here.
/// </summary>
public sealed class CrossLaggedPathsTests
{
    /// <summary>The 97.5% quantile of the standard normal.</summary>
    private const double Z = 1.959963984540054;

    private static readonly Lazy<ModelDocument> Model = new(() =>
        ModelJson.Deserialize(ModelJson.Serialize(WillingnessModelFitter.Fit(CrossLaggedPanel.Input()))));

    [Fact]
    public void Each_mechanism_is_fitted_with_willingness_over_the_closed_waves()
    {
        var fits = Model.Value.CrossLaggedPaths!;
        Assert.Equal(CrossLaggedPanel.Mechanisms, fits.Select(f => f.Constructs[0]));
        Assert.All(fits, f =>
        {
            Assert.Equal("willingness", f.Constructs[1]);
            Assert.Equal([1, 2, 3, 4, 5], f.Waves);
            Assert.False(f.EqualLaggedPaths);
            Assert.True(f.Identified, f.Message);
            Assert.Equal(800, f.Fit!.Ntotal);
        });
    }

    [Fact]
    public void The_known_path_is_recovered_and_the_null_paths_are_not_found()
    {
        var fits = Model.Value.CrossLaggedPaths!;
        var known = CrossLaggedFindings.Paths(fits[0], "ownership", "willingness");
        Assert.Equal(4, known.Count);
        Assert.All(known, p => Assert.InRange(p.Path.Est!.Value, CrossLaggedPanel.OwnershipToWillingness - 0.15, CrossLaggedPanel.OwnershipToWillingness + 0.15));
        Assert.All(known, p => Assert.True(CrossLaggedFindings.Interval(p.Path)!.Value.Lower > 0));

        var nulls = new[]
        {
            CrossLaggedFindings.Paths(fits[0], "willingness", "ownership"),
            CrossLaggedFindings.Paths(fits[1], "value", "willingness"),
            CrossLaggedFindings.Paths(fits[1], "willingness", "value"),
        }.SelectMany(p => p).ToList();
        Assert.Equal(12, nulls.Count);
        Assert.All(nulls, p => Assert.InRange(p.Path.Est!.Value, -0.15, 0.15));
        // At a 5% level, at most a couple of twelve null paths may look clear by chance.
        Assert.InRange(nulls.Count(p => !Excludes(p.Path, 0)), 10, 12);
    }

    [Fact]
    public void The_summary_words_match_the_documents_intervals_and_counts()
    {
        var model = Model.Value;
        var findings = FindingsWriter.Write(new SummaryData(model)).Where(f => f.Topic == CrossLaggedFindings.Topic).ToList();
        Assert.Equal(3, findings.Count);
        for (var i = 0; i < 3; i++)
        {
            var fit = model.CrossLaggedPaths![i];
            var text = findings[i].Text;
            var (x, y) = (fit.Constructs[0], fit.Constructs[1]);
            Assert.Contains(FindingsWriter.ConstructName(model, x).ToLowerInvariant(), text, StringComparison.Ordinal);
            var halves = text.Split("The other way round", StringSplitOptions.None);
            Assert.Equal(2, halves.Length);
            AssertDirection(halves[0], CrossLaggedFindings.Paths(fit, x, y));
            AssertDirection(halves[1], CrossLaggedFindings.Paths(fit, y, x));
        }

        Assert.Contains("clearly higher than usual in all 4 wave pairs", findings[0].Text.Split("The other way round", StringSplitOptions.None)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_than_three_closed_waves_store_no_paths_and_say_nothing()
    {
        var model = WillingnessModelFitter.Fit(CrossLaggedPanel.Input(participants: 200, closedWaves: 2));
        Assert.Null(model.CrossLaggedPaths);
        Assert.DoesNotContain("cross_lagged_paths", ModelJson.Serialize(model), StringComparison.Ordinal);
        Assert.DoesNotContain(FindingsWriter.Write(new SummaryData(model)), f => f.Topic == CrossLaggedFindings.Topic);
    }

    [Fact]
    public void A_fit_that_is_not_identified_is_stored_with_its_reason_and_worded_without_numbers()
    {
        var model = WillingnessModelFitter.Fit(CrossLaggedPanel.Input(participants: 300, unansweredOwnershipWave: 2));
        var ownership = model.CrossLaggedPaths!.Single(f => f.Constructs[0] == "ownership");
        Assert.False(ownership.Identified);
        Assert.Contains("nobody answered ownership in wave 2", ownership.Message, StringComparison.Ordinal);
        Assert.Null(ownership.Fit);
        Assert.Empty(ownership.Parameters);
        Assert.True(model.CrossLaggedPaths!.Single(f => f.Constructs[0] == "value").Identified);

        var text = FindingsWriter.Write(new SummaryData(model)).First(f => f.Topic == CrossLaggedFindings.Topic).Text;
        Assert.StartsWith("Whether psychological ownership and", text, StringComparison.Ordinal);
        Assert.Contains("was not answered in one of the closed waves", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d", text);
    }

    private static void AssertDirection(string words, IReadOnlyList<(int From, int To, RiclpmParameterDocument Path)> paths)
    {
        var higher = paths.Count(p => Excludes(p.Path, 1));
        var lower = paths.Count(p => Excludes(p.Path, -1));
        if (higher + lower == 0) Assert.Contains($"not clearly different from usual in any of the {paths.Count} wave pairs", words, StringComparison.Ordinal);
        if (higher > 0) Assert.Contains(higher == paths.Count ? $"clearly higher than usual in all {paths.Count} wave pairs" : $"clearly higher than usual in {higher} of {paths.Count} wave pairs", words, StringComparison.Ordinal);
        if (lower > 0) Assert.Contains(lower == paths.Count ? $"clearly lower than usual in all {paths.Count} wave pairs" : $"clearly lower than usual in {lower} of {paths.Count} wave pairs", words, StringComparison.Ordinal);
        foreach (var (from, to, path) in paths)
        {
            var lowerBound = path.Est!.Value - Z * path.Se!.Value;
            var upperBound = path.Est!.Value + Z * path.Se!.Value;
            Assert.Contains($"{from}→{to}: {Fixed(lowerBound, 2)} to {Fixed(upperBound, 2)}", words, StringComparison.Ordinal);
        }
    }

    /// <summary>Whether the 95% interval lies wholly above zero (sign 1), wholly below (sign −1), or either (0), from est and se.</summary>
    private static bool Excludes(RiclpmParameterDocument path, int sign)
    {
        var lower = path.Est!.Value - Z * path.Se!.Value;
        var upper = path.Est!.Value + Z * path.Se!.Value;
        return sign switch
        {
            1 => lower > 0,
            -1 => upper < 0,
            _ => lower > 0 || upper < 0,
        };
    }
}
