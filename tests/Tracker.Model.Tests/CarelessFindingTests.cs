using Tracker.Model.Findings;
using Tracker.Model.Models;
using Tracker.Model.Suppression;

namespace Tracker.Model.Tests;

/// <summary>The summary says how many flagged responses were left out, and only when the panel left them out.</summary>
public sealed class CarelessFindingTests
{
    private static readonly ModelDocument Model = WillingnessModelFitter.Fit(SimulatedPanel.Input([10, 8]));

    private static IReadOnlyList<Finding> Careless(ModelDocument model) =>
        FindingsWriter.Write(new SummaryData(model)).Where(f => f.Topic == "careless").ToList();

    [Fact]
    public void Excluded_responses_are_counted_in_words()
    {
        var finding = Assert.Single(Careless(Model with { CarelessFlagged = 5, CarelessExcluded = 3 }));
        Assert.StartsWith("3 responses flagged as careless answering", finding.Text, StringComparison.Ordinal);
        Assert.EndsWith("were left out of these results.", finding.Text, StringComparison.Ordinal);
        Assert.StartsWith("1 response flagged as careless answering", Assert.Single(Careless(Model with { CarelessExcluded = 1 })).Text, StringComparison.Ordinal);
        Assert.Equal("No response was flagged as careless answering, so none was left out of these results.", Assert.Single(Careless(Model with { CarelessExcluded = 0 })).Text);
    }

    [Fact]
    public void A_panel_that_keeps_flagged_responses_gets_no_such_sentence()
    {
        Assert.Empty(Careless(Model with { CarelessFlagged = 4, CarelessExcluded = null }));
    }
}
