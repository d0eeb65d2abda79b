using Tracker.Model.Models;

namespace Tracker.Model.Tests;

public sealed class WillingnessModelFitterTests
{
    [Fact]
    public void The_long_table_has_one_row_per_response_with_scores_and_items()
    {
        var input = SimulatedPanel.Input([10, 8]);
        var table = WillingnessModelFitter.BuildTable(input);
        Assert.Equal(18, table.RowCount);
        Assert.Equal(["participant_id", "wave", "days"], table.ColumnNames.Take(3));
        Assert.True(table.Contains("willingness"));
        Assert.True(table.Contains("willingness_3"));
        Assert.Equal(7, table.Numbers("days").Max());
    }

    [Fact]
    public void The_fit_recovers_the_simulated_decay_and_round_trips_through_json()
    {
        var input = SimulatedPanel.Input([300, 280, 260, 240, 220], seed: 3);
        var model = WillingnessModelFitter.Fit(input);
        var decay = model.Analysis.Decay;
        Assert.True(decay.Converged, decay.Message);
        Assert.InRange(decay.Initial!.Estimate!.Value, 4.9, 5.5);
        Assert.InRange(decay.Plateau!.Estimate!.Value, 3.4, 4.3);
        Assert.Equal(9, model.Analysis.Descriptives.Count);
        Assert.Equal(9, model.Analysis.Reliability.Count);
        Assert.NotNull(model.CovariateModel!.Growth.Fixed);
        Assert.True(model.CovariateModel.Growth.Fixed!.ContainsKey("days:baseline_identification"));

        var json = ModelJson.Serialize(model);
        Assert.Contains("\"half_life\"", json, StringComparison.Ordinal);
        Assert.Contains("\"(Intercept)\"", json, StringComparison.Ordinal);
        var back = ModelJson.Deserialize(json);
        Assert.Equal(decay.HalfLife!.Estimate, back.Analysis.Decay.HalfLife!.Estimate);
        Assert.Equal(ModelJson.Serialize(back), json);
    }

    [Fact]
    public void Reverse_keyed_items_are_reversed_before_reliability()
    {
        var input = SimulatedPanel.Input([40, 30]);
        var flipped = input with
        {
            // Store willingness_3 as a reverse-keyed answer would arrive (7 − v + 1), and declare it reversed.
            Responses = input.Responses.Select(r => r with { Answers = r.Answers.ToDictionary(a => a.Key, a => a.Key == "willingness_3" ? 8 - a.Value : a.Value) }).ToList(),
            ReversedItems = new HashSet<string>(["willingness_3"], StringComparer.Ordinal),
        };
        var plain = WillingnessModelFitter.Fit(input).Analysis.Reliability["willingness"].Waves[0].Alpha;
        var reversed = WillingnessModelFitter.Fit(flipped).Analysis.Reliability["willingness"].Waves[0].Alpha;
        Assert.NotNull(plain);
        Assert.Equal(plain!.Value, reversed!.Value, 12);
        Assert.Equal(8 - input.Responses[0].Answers["willingness_3"], WillingnessModelFitter.BuildTable(flipped with { ReversedItems = new HashSet<string>() }).Numbers("willingness_3")[0]);
    }

    [Fact]
    public void The_wave_table_csv_has_a_row_per_wave()
    {
        var model = WillingnessModelFitter.Fit(SimulatedPanel.Input([10, 8]));
        var lines = WaveTableCsv.Write(model).TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("wave,state,opens_at,closes_at,days,invited,responded,response_rate,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("2,closed,", lines[2], StringComparison.Ordinal);
    }
}

public sealed class FirstWaveTests
{
    [Fact]
    public void After_the_first_wave_descriptives_are_reported_and_the_growth_model_says_why_it_is_missing()
    {
        var model = WillingnessModelFitter.Fit(SimulatedPanel.Input([6]));
        Assert.False(model.Analysis.Growth.Converged);
        Assert.Equal("willingness ~ days + (days | participant_id)", model.Analysis.Growth.Formula);
        Assert.False(string.IsNullOrEmpty(model.Analysis.Growth.Message));
        Assert.Equal(6, model.Analysis.Descriptives["willingness"][0].N);
        Assert.False(model.Analysis.Decay.Converged);
        var findings = string.Join("\n", Findings.FindingsWriter.Write(new Suppression.SummaryData(model)).Select(f => f.Text));
        Assert.Contains("There is no clear decay", findings, StringComparison.Ordinal);
        Assert.Contains("The growth model cannot be fitted yet", findings, StringComparison.Ordinal);
    }
}
