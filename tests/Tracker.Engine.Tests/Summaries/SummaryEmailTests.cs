using Tracker.Engine.Charts;
using Tracker.Engine.Summaries;
using Tracker.Model.Findings;
using Tracker.Model.Models;
using Tracker.Model.Tests;

namespace Tracker.Engine.Tests.Summaries;

public sealed class SummaryEmailTests
{
    private static readonly int[] FourWaves = [120, 104, 92, 85];

    [Fact]
    public void Every_number_in_the_email_is_a_value_of_the_stored_model()
    {
        var model = SimulatedPanel.Model(FourWaves);
        var stored = ModelJson.Serialize(model);
        var leaves = ModelText.Leaves(stored);
        var email = SummaryComposer.Compose(EmailBodies.Razor, ModelJson.Deserialize(stored), "after wave 4");

        foreach (var body in new[] { email.Text, ModelText.VisibleText(email.Html), email.Subject })
        {
            var tokens = ModelText.Tokens(body, model.FittedAt);
            Assert.NotEmpty(tokens);
            var strangers = tokens.Where(t => !ModelText.IsModelValue(t, leaves)).Distinct().ToList();
            Assert.True(strangers.Count == 0, $"numbers not in the stored model: {string.Join(", ", strangers)}\n{body}");
        }
    }

    [Fact]
    public void Findings_quote_the_decay_and_the_growth_slope_with_their_intervals()
    {
        var model = SimulatedPanel.Model(FourWaves);
        var email = SummaryComposer.Compose(EmailBodies.Razor, model, "after wave 4");
        var decay = model.Analysis.Decay;
        Assert.True(decay.Converged, decay.Message);
        var text = email.Text;
        Assert.Contains($"plateau of {Numbers.Fixed(decay.Plateau!.Estimate!.Value, 2)}", text, StringComparison.Ordinal);
        Assert.Contains($"every {Numbers.Fixed(decay.HalfLife!.Estimate!.Value, 1)} days (95% CI {Numbers.Fixed(decay.HalfLife.CiLower!.Value, 1)} to {Numbers.Fixed(decay.HalfLife.CiUpper!.Value, 1)})", text, StringComparison.Ordinal);
        var slope = model.Analysis.Growth.Fixed!["days"];
        Assert.Contains(Numbers.Fixed(slope.Estimate!.Value, 4), text, StringComparison.Ordinal);
        Assert.NotNull(model.CovariateModel);
        Assert.Contains("community identification", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decay_fit_that_did_not_converge_is_reported_as_no_clear_decay()
    {
        var model = SimulatedPanel.Model(FourWaves);
        var failed = model with { Analysis = model.Analysis with { Decay = new DecayDocument { Converged = false, Message = "the profile keeps falling towards rate 0" } } };
        var email = SummaryComposer.Compose(EmailBodies.Razor, failed, "after wave 4");
        Assert.Contains("There is no clear decay", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("plateau of", email.Text, StringComparison.Ordinal);
        Assert.Equal([WillingnessChart.MeansSeries], email.Charts[0].Series.Select(s => s.Name));
    }

    [Fact]
    public void A_slope_whose_interval_includes_zero_is_reported_as_not_significant()
    {
        var model = SimulatedPanel.Model(FourWaves);
        var growth = model.Analysis.Growth;
        var flat = new Dictionary<string, FixedEffectDocument>(growth.Fixed!) { ["days"] = new(-0.001, 0.002, -0.5, -0.005, 0.003) };
        var email = SummaryComposer.Compose(EmailBodies.Razor, model with { Analysis = model.Analysis with { Growth = growth with { Fixed = flat } } }, "after wave 4");
        Assert.Contains("finds no clear linear change", email.Text, StringComparison.Ordinal);
        Assert.Contains("not statistically significant", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_refers_to_each_chart_by_content_id_and_the_preview_inlines_them()
    {
        var model = SimulatedPanel.Model(FourWaves);
        var email = SummaryComposer.Compose(EmailBodies.Razor, model, "after wave 4");
        Assert.Equal(3, email.Images.Count);
        foreach (var image in email.Images) Assert.Contains($"src=\"cid:{image.ContentId}\"", email.Html, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", email.Html, StringComparison.Ordinal);

        var preview = SummaryComposer.Compose(EmailBodies.Razor, model, "after wave 4", ImageMode.DataUri);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(preview.Html, "src=\"data:image/png;base64,"));
        Assert.DoesNotContain("cid:", preview.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void No_participant_id_appears_anywhere()
    {
        var model = SimulatedPanel.Model(FourWaves);
        var email = SummaryComposer.Compose(EmailBodies.Razor, model, "after wave 4");
        Assert.DoesNotContain("participant0", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("participant0", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("participant0", ModelJson.Serialize(model), StringComparison.Ordinal);
        Assert.DoesNotContain("participant0", WaveTableCsv.Write(model), StringComparison.Ordinal);
    }
    [Fact]
    public void A_summary_after_wave_3_of_4_leaves_the_still_open_wave_4_out()
    {
        var model = SimulatedPanel.Model(FourWaves);
        var open = model with { Waves = model.Waves.Select(w => w.Wave == 4 ? w with { State = "open" } : w).ToList() };
        var email = SummaryComposer.Compose(EmailBodies.Razor, open, "after wave 3 of 4");

        var rows = email.Text.Split('\n').Where(l => l.Contains(" | ", StringComparison.Ordinal) && char.IsDigit(l[0])).ToList();
        Assert.Equal(["1 (closed)", "2 (closed)", "3 (closed)"], rows.Select(r => r[..r.IndexOf(" | ", StringComparison.Ordinal)]));
        Assert.DoesNotContain("(open)", email.Html, StringComparison.Ordinal);
        Assert.All(email.Charts, chart => Assert.DoesNotContain("wave 4", chart.AltText, StringComparison.Ordinal));

        // Control: with wave 4 closed the same model reports it, so the assertions above can fail.
        var closed = SummaryComposer.Compose(EmailBodies.Razor, model, "after wave 4 of 4");
        Assert.Contains("\n4 (closed) | ", closed.Text, StringComparison.Ordinal);
    }
}
