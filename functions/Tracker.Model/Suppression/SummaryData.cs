using Tracker.Model.Models;

namespace Tracker.Model.Suppression;

/// <summary>
/// The stored model seen through small-cell suppression: charts, tables and findings all read from here, so what one
/// hides the others hide too.
/// </summary>
public sealed class SummaryData
{
    public SummaryData(ModelDocument model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        Suppression = new CellSuppression(Math.Max(1, model.MinimumCellSize));
        // Only closed waves: a summary titled "after wave 2 of 3" must not report wave 3 while it is still collecting
        // answers (its numbers would change after the email went out).
        Waves = model.Waves.Where(w => w.State == "closed").Select(Cell).ToList();
    }

    public ModelDocument Model { get; }

    public CellSuppression Suppression { get; }

    /// <summary>The waves that have closed, in order; open and scheduled waves are left out of every table, chart and finding.</summary>
    public IReadOnlyList<WaveCell> Waves { get; }

    /// <summary>Participants who answered at least once; whole-panel models are shown only when this is not a small cell.</summary>
    public int Participants => Model.Analysis.Retention.N;

    public bool ModelsShown => Suppression.Shows(Participants);

    /// <summary>The constructs in chain order, behaviour → psychology → outcome (unknown layers after, in instrument order).</summary>
    public IReadOnlyList<ConstructInfo> ConstructsInChainOrder =>
        Model.Constructs.Select((c, i) => (c, i)).OrderBy(x => LayerRank(x.c.Layer)).ThenBy(x => x.i).Select(x => x.c).ToList();

    public static int LayerRank(string layer) => layer switch
    {
        "behaviour" => 0,
        "psychology" => 1,
        "outcome" => 2,
        _ => 3,
    };

    /// <summary>A construct's statistic in a wave, or null when it is missing or suppressed.</summary>
    public WaveStatistic? Statistic(string construct, int wave) =>
        Model.Analysis.Descriptives.TryGetValue(construct, out var waves) && waves.FirstOrDefault(w => w.Wave == wave) is { } stat && Suppression.Shows(stat.N) && stat.Mean is not null
            ? stat
            : null;

    public bool IsSuppressed(string construct, int wave) =>
        Model.Analysis.Descriptives.TryGetValue(construct, out var waves) && waves.FirstOrDefault(w => w.Wave == wave) is { } stat && Suppression.Hides(stat.N);

    private WaveCell Cell(WaveRow row)
    {
        var responsesHidden = Suppression.Hides(row.Responded);
        var outcome = Statistic(Model.Outcome, row.Wave);
        var outcomeHidden = responsesHidden || IsSuppressed(Model.Outcome, row.Wave);

        // Retention at wave w is the Kaplan–Meier survival past wave w − 1: the share still answering. It is hidden with
        // the wave's responses, or "80% of 5" would give the suppressed count away.
        var source = Model.Analysis.Retention.Curve.Where(p => p.Wave <= row.Wave - 1).OrderBy(p => p.Wave).LastOrDefault();
        double? retention = source is null
            ? (row.Wave == Model.Waves.Min(w => w.Wave) && ModelsShown && row.Responded > 0 ? 1.0 : null)
            : Suppression.Shows(source.AtRisk) && !responsesHidden ? source.Survival : null;
        return new WaveCell(row, responsesHidden, responsesHidden ? null : row.ResponseRate, outcomeHidden ? null : outcome, outcomeHidden, retention, source);
    }
}
