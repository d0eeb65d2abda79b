using Tracker.Analysis;
using Tracker.Analysis.Data;
using Tracker.Analysis.Growth;
using Tracker.Model.Models;

namespace Tracker.Model.Tests;

/// <summary>
/// The covariate model's baseline is kept per participant code (to spare a dictionary by id and the ids spelled out
/// row by row at a million participants). The oracle here is the way it was computed before: a dictionary by
/// participant id in the long table's row order, its mean over the dictionary's values. The documents must agree to
/// the byte, on a panel where baselines come from different waves and some participants never have a score.
/// </summary>
public sealed class CovariateBaselineTests
{
    [Fact]
    public void The_baseline_by_participant_code_equals_the_baseline_by_participant_id()
    {
        var panel = SimulatedPanel.Input([60, 55, 50, 45], seed: 19);
        var responses = panel.Responses
            .Where(r => !(r.Wave == 1 && r.ParticipantId.EndsWith('7')))
            .Select(r => r with
            {
                // No identification score in wave 1 for every fifth participant (their baseline is a later wave's),
                // and none ever for participants ending in 3.
                Scores = r.Scores.ToDictionary(s => s.Key, s => s.Key == "identification" && ((r.Wave == 1 && Number(r.ParticipantId) % 5 == 0) || r.ParticipantId.EndsWith('3')) ? null : s.Value),
            })
            .ToList();
        var input = panel with { Responses = responses };

        var model = WillingnessModelFitter.Fit(input);

        var expected = ByParticipantId(input, WillingnessModelFitter.BuildTable(input));
        Assert.NotNull(model.CovariateModel);
        Assert.Equal(expected.BaselineMean, model.CovariateModel.BaselineMean);
        Assert.Equal(ModelJson.Serialize(model with { CovariateModel = expected }), ModelJson.Serialize(model));
        Assert.True(model.CovariateModel.Growth.Converged, model.CovariateModel.Growth.Message);
    }

    private static int Number(string participantId) => int.Parse(participantId["participant".Length..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The covariate model as computed before: baselines in a dictionary keyed by participant id.</summary>
    private static CovariateModelDocument ByParticipantId(ModelInput input, LongTable table)
    {
        var construct = input.CovariateConstruct!;
        var ids = table.Column(WillingnessFormula.Subject).Texts!;
        var waves = table.Numbers(WillingnessFormula.Wave);
        var scores = table.Numbers(construct);
        var baseline = new Dictionary<string, (double Wave, double Score)>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            if (double.IsNaN(scores[i]) || ids[i] is not { } id) continue;
            if (!baseline.TryGetValue(id, out var seen) || waves[i] < seen.Wave) baseline[id] = (waves[i], scores[i]);
        }

        var covariate = $"baseline_{construct}";
        var formula = WillingnessFormula.WithCovariate(input.Outcome, covariate);
        var mean = baseline.Values.Average(b => b.Score);
        var column = ids.Select(id => id is not null && baseline.TryGetValue(id, out var b) ? b.Score - mean : double.NaN).ToArray();
        var withCovariate = new LongTable(table.Columns.Append(TableColumn.FromNumbers(covariate, column)));
        return new CovariateModelDocument(construct, covariate, mean, ModelDocumentFactory.Growth(new GrowthOutcome(formula, GrowthModel.Fit(withCovariate, formula), null)));
    }
}
