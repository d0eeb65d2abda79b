namespace Tracker.Model.Models;

/// <summary>
/// The stored willingness model of one panel (blob <c>models/{panel}/{yyyyMMddTHHmmssZ}.json</c> and <c>latest.json</c>):
/// the per-wave table and every model section, aggregates only. <see cref="Analysis"/> keeps the shape of
/// <c>tracker analyze --json</c>; the summary email prints nothing that is not in this document.
/// </summary>
public sealed record ModelDocument
{
    public const int CurrentSchema = 1;

    public int Schema { get; init; } = CurrentSchema;

    public required string PanelId { get; init; }

    public required string PanelName { get; init; }

    public required DateTimeOffset FittedAt { get; init; }

    /// <summary>The newest submission the fit saw; a later run with nothing newer is skipped.</summary>
    public DateTimeOffset? LatestResponseAt { get; init; }

    public required int MinimumCellSize { get; init; }

    /// <summary>The tracked outcome (a construct id); the growth and decay models are of this score.</summary>
    public string Outcome { get; init; } = "willingness";

    public required int WavesPlanned { get; init; }

    /// <summary>The answer scale every construct score lies on (chart axes use it).</summary>
    public int ScaleMin { get; init; } = 1;

    public int ScaleMax { get; init; } = 7;

    /// <summary>What the time variable <c>days</c> means, so a reader of the JSON need not guess.</summary>
    public required string Time { get; init; }

    /// <summary>The instrument's constructs in chain order (behaviour → psychology → outcome).</summary>
    public required IReadOnlyList<ConstructInfo> Constructs { get; init; }

    public required IReadOnlyList<WaveRow> Waves { get; init; }

    public required AnalysisDocument Analysis { get; init; }

    /// <summary>The growth model with one co-creation covariate, when the data allow it.</summary>
    public CovariateModelDocument? CovariateModel { get; init; }

    /// <summary>Responses the panel's careless-answer thresholds flag, over the waves read (null in documents from before the flags).</summary>
    public int? CarelessFlagged { get; init; }

    /// <summary>Of them, those left out of every model here because the panel excludes flagged responses; null when it does not.</summary>
    public int? CarelessExcluded { get; init; }

    /// <summary>Partial responses (the last page not submitted) left out of every model here; null when the panel includes them or in documents from before pages.</summary>
    public int? PartialExcluded { get; init; }

    /// <summary>
    /// The within-person cross-lagged paths (RI-CLPM) of each psychology-layer mechanism with the outcome, over the
    /// closed waves; absent while fewer than three waves are closed.
    /// </summary>
    public IReadOnlyList<RiclpmDocument>? CrossLaggedPaths { get; init; }
}
