namespace Tracker.Model.Models;

/// <summary>Everything a model fit needs about a panel: its waves (with counts), its constructs, and every response so far.</summary>
public sealed record ModelInput
{
    public required string PanelId { get; init; }

    public required string PanelName { get; init; }

    public required int MinimumCellSize { get; init; }

    public required int WavesPlanned { get; init; }

    public int ScaleMin { get; init; } = 1;

    public int ScaleMax { get; init; } = 7;

    public required IReadOnlyList<ConstructInfo> Constructs { get; init; }

    /// <summary>Reverse-keyed item ids: their answers are reversed (min + max − v) before reliability is computed.</summary>
    public IReadOnlySet<string> ReversedItems { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public required IReadOnlyList<WaveRow> Waves { get; init; }

    /// <summary>Every response, for <see cref="WillingnessModelFitter.Fit(ModelInput)"/>; empty when the responses were streamed into an aggregate instead.</summary>
    public IReadOnlyList<ResponseRecord> Responses { get; init; } = [];

    public required DateTimeOffset FittedAt { get; init; }

    public DateTimeOffset? LatestResponseAt { get; init; }

    public string Outcome { get; init; } = "willingness";

    /// <summary>The co-creation mechanism whose baseline enters the covariate model; null or absent from the data: no covariate model.</summary>
    public string? CovariateConstruct { get; init; } = "identification";
}
