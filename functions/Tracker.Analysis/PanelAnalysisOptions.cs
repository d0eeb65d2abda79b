namespace Tracker.Analysis;

/// <summary>
/// Which columns of a long-format table play which role. Formula defaults to
/// "outcome ~ time + (time | subject)"; Constructs (construct → item columns) defaults to the
/// column-prefix convention of <see cref="Reliability.ConstructItems"/>.
/// </summary>
public sealed record PanelAnalysisOptions
{
    public string Outcome { get; init; } = "willingness";
    public string Time { get; init; } = "days";
    public string Subject { get; init; } = "participant_id";
    public string Wave { get; init; } = "wave";
    public string? Formula { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Constructs { get; init; }

    /// <summary>The RI-CLPM to fit (construct score columns and equal or free lagged paths); null fits none. Its subject and wave columns are taken from these options.</summary>
    public Riclpm.RiclpmSpecification? Riclpm { get; init; }

    public string EffectiveFormula => string.IsNullOrWhiteSpace(Formula) ? $"{Outcome} ~ {Time} + ({Time} | {Subject})" : Formula;
}
