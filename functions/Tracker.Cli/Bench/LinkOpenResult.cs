namespace Tracker.Cli.Bench;

/// <summary>
/// The link-opening phase of <c>tracker bench ingest</c>: each participant's GET of their link (the form served)
/// against a bare point read of the participant's row at the same concurrency, and what the GETs answered.
/// </summary>
public sealed record LinkOpenResult(PhaseResult Tracker, PhaseResult Baseline, IReadOnlyDictionary<int, int> StatusCodes, int FormsServed, int TransportErrors)
{
    /// <summary>Links opened per second as a share of bare point reads per second.</summary>
    public double Ratio => Baseline.PerSecond > 0 ? Tracker.PerSecond / Baseline.PerSecond : 0;

    /// <summary>Every GET was answered, and every answer was the form (no refusal page, no error).</summary>
    public bool EveryFormServed => TransportErrors == 0 && FormsServed == StatusCodes.Values.Sum();
}
