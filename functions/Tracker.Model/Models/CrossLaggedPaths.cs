using Tracker.Analysis;
using Tracker.Analysis.Riclpm;
using Tracker.Model.Aggregation;

namespace Tracker.Model.Models;

/// <summary>
/// The stored model's within-person cross-lagged paths: one RI-CLPM (free lagged paths per wave pair) of each
/// mechanism of the seed chain's psychology layer — by default ownership, value and identification — with the outcome,
/// on the closed waves. Fewer than <see cref="RiclpmSpecification.MinimumWaves"/> closed waves: none. A fit the data
/// cannot identify is kept with its reason and without numbers.
/// </summary>
public static class CrossLaggedPaths
{
    /// <summary>The layer of the chain whose constructs are paired with the outcome.</summary>
    public const string MechanismLayer = "psychology";

    /// <summary>The constructs each paired with <paramref name="outcome"/>, in the instrument's (chain) order.</summary>
    public static IReadOnlyList<string> Mechanisms(IReadOnlyList<ConstructInfo> constructs, string outcome)
    {
        ArgumentNullException.ThrowIfNull(constructs);
        return [.. constructs.Where(c => c.Layer == MechanismLayer && c.Id != outcome).Select(c => c.Id)];
    }

    /// <summary>An empty collector for <paramref name="panel"/>'s mechanisms and outcome over <paramref name="closedWaves"/>.</summary>
    public static CrossLaggedScores Collector(ModelInput panel, IReadOnlyList<int> closedWaves)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return Collector(panel.Constructs, panel.Outcome, closedWaves);
    }

    /// <summary>An empty collector for the mechanisms among <paramref name="constructs"/> and <paramref name="outcome"/>.</summary>
    public static CrossLaggedScores Collector(IReadOnlyList<ConstructInfo> constructs, string outcome, IReadOnlyList<int> closedWaves) =>
        new([.. Mechanisms(constructs, outcome), outcome], closedWaves);

    /// <summary>The waves of <paramref name="panel"/> that are closed: no answer can still arrive.</summary>
    public static IReadOnlyList<int> ClosedWaves(ModelInput panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return [.. panel.Waves.Where(w => w.State is "closed" or "sealed").Select(w => w.Wave)];
    }

    /// <summary>One document per mechanism, or null when the collector holds fewer than three waves or no mechanism.</summary>
    public static IReadOnlyList<RiclpmDocument>? Fit(CrossLaggedScores? scores, string outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (scores is null || scores.Waves.Count < RiclpmSpecification.MinimumWaves) return null;
        var mechanisms = scores.Constructs.Where(c => c != outcome).ToList();
        if (mechanisms.Count == 0 || !scores.Constructs.Contains(outcome)) return null;
        return [.. mechanisms.Select(x => Fit(scores, x, outcome, cancellationToken))];
    }

    private static RiclpmDocument Fit(CrossLaggedScores scores, string x, string y, CancellationToken cancellationToken)
    {
        try
        {
            return RiclpmDocument.From(RiclpmModel.Fit(scores.Panel(x, y), equalLaggedPaths: false, cancellationToken));
        }
        catch (AnalysisException problem)
        {
            return new RiclpmDocument([x, y], scores.Waves, false, false, problem.Message, null, []);
        }
    }
}
