using Tracker.Engine.Charts;
using Tracker.Engine.Summaries;
using Tracker.Model.Findings;
using Tracker.Model.Tests;

namespace Tracker.Engine.Tests.Summaries;

public sealed class SuppressionTests
{
    [Fact]
    public void A_wave_with_four_responses_is_hidden_and_one_with_five_is_shown()
    {
        // Wave 1: 5 answers (shown at the default minimum of 5); wave 2: 4 answers (suppressed).
        var model = SimulatedPanel.Model([5, 4]);
        var email = SummaryComposer.Compose(EmailBodies.Razor, model, "after wave 2");
        var willingness = model.Analysis.Descriptives["willingness"];
        var wave1 = willingness.Single(w => w.Wave == 1);
        var wave2 = willingness.Single(w => w.Wave == 2);
        Assert.Equal(5, wave1.N);
        Assert.Equal(4, wave2.N);

        var means = email.Charts[0][WillingnessChart.MeansSeries];
        Assert.Equal([0.0], means.X);
        Assert.Equal([wave1.Mean!.Value], means.Y);
        Assert.Contains("wave 2", email.Charts[0].Suppressed);

        var rates = email.Charts[1][ResponseChart.RateSeries];
        Assert.Equal([1.0], rates.X);
        Assert.All(email.Charts[2].Series, s => Assert.DoesNotContain(2.0, s.X));

        foreach (var body in new[] { email.Text, email.Html })
        {
            Assert.Contains(Numbers.Fixed(wave1.Mean!.Value, 2), body, StringComparison.Ordinal);
            Assert.DoesNotContain(Numbers.Fixed(wave2.Mean!.Value, 2) + " (", body, StringComparison.Ordinal);
            Assert.Contains("fewer than 5", body, StringComparison.Ordinal);
            Assert.Contains("Wave 2: suppressed (fewer than 5 responses)", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Fewer_participants_than_the_minimum_show_nothing_but_the_notice()
    {
        var model = SimulatedPanel.Model([4, 4]);
        var email = SummaryComposer.Compose(EmailBodies.Razor, model, "after wave 2");
        Assert.Single(email.Findings);
        Assert.Contains("Fewer than 5 participants", email.Findings[0].Text, StringComparison.Ordinal);
        Assert.All(email.Charts.SelectMany(c => c.Series), s => Assert.Empty(s.Y));
        var mean = model.Analysis.Descriptives["willingness"][0].Mean!.Value;
        Assert.DoesNotContain(Numbers.Fixed(mean, 2), email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_panel_minimum_above_the_default_is_respected()
    {
        var model = SimulatedPanel.Model([12, 9], minimumCellSize: 10);
        var email = SummaryComposer.Compose(EmailBodies.Razor, model, "after wave 2");
        Assert.Equal([0.0], email.Charts[0][WillingnessChart.MeansSeries].X);
        Assert.Contains("fewer than 10", email.Text, StringComparison.Ordinal);
    }
}
