using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tracker.Cli.Bench;

/// <summary>The outcome of <c>tracker bench ingest</c>: both timed phases, the status codes Tracker answered, and the accounting.</summary>
public sealed record IngestReport(
    IngestSettings Settings,
    PhaseResult Tracker,
    PhaseResult Baseline,
    IReadOnlyDictionary<int, int> StatusCodes,
    int TransportErrors,
    IngestAccounting Accounting)
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>The links opened before the answers were posted (the form served by GET), against bare point reads.</summary>
    public LinkOpenResult? Open { get; init; }

    /// <summary>Every link opened answered with the form, and every answer was stored exactly once.</summary>
    public bool Succeeded => Accounting.ExactlyOnce && (Open is null || Open.EveryFormServed);

    /// <summary>Tracker's submissions per second as a share of the bare single-entity writes per second.</summary>
    public double Ratio => Baseline.PerSecond > 0 ? Tracker.PerSecond / Baseline.PerSecond : 0;

    public bool TargetMet => Ratio >= IngestSettings.TargetRatio;

    /// <summary>One line of JSON (snake_case, milliseconds, per-second rates) for scripts and for docs/reliability.md.</summary>
    public string ToJsonLine() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["bench"] = "ingest",
        ["submissions"] = Settings.Submissions,
        ["concurrency"] = Settings.Concurrency,
        ["warmup"] = Settings.Warmup,
        ["tracker"] = Phase(Tracker),
        ["baseline"] = Phase(Baseline),
        ["ratio"] = Math.Round(Ratio, 3),
        ["open"] = Open is null ? null! : new Dictionary<string, object>
        {
            ["tracker"] = Phase(Open.Tracker),
            ["baseline"] = Phase(Open.Baseline),
            ["ratio"] = Math.Round(Open.Ratio, 3),
            ["status_codes"] = Open.StatusCodes.OrderBy(kv => kv.Key).ToDictionary(kv => kv.Key.ToString(CultureInfo.InvariantCulture), kv => kv.Value),
            ["forms_served"] = Open.FormsServed,
            ["transport_errors"] = Open.TransportErrors,
        },
        ["target_ratio"] = IngestSettings.TargetRatio,
        ["target_met"] = TargetMet,
        ["status_codes"] = StatusCodes.OrderBy(kv => kv.Key).ToDictionary(kv => kv.Key.ToString(CultureInfo.InvariantCulture), kv => kv.Value),
        ["transport_errors"] = TransportErrors,
        ["accounting"] = new Dictionary<string, object>
        {
            ["acknowledged"] = Accounting.Acknowledged,
            ["stored"] = Accounting.Stored,
            ["missing"] = Accounting.Missing,
            ["unacknowledged"] = Accounting.Unacknowledged,
            ["mismatched"] = Accounting.Mismatched,
            ["rewritten"] = Accounting.Rewritten,
            ["exactly_once"] = Accounting.ExactlyOnce,
        },
    }, Json);

    private static Dictionary<string, object> Phase(PhaseResult phase) => new()
    {
        ["operations"] = phase.Operations,
        ["seconds"] = Math.Round(phase.Elapsed.TotalSeconds, 3),
        ["per_second"] = Math.Round(phase.PerSecond, 1),
        ["p50_ms"] = Math.Round(phase.P50Ms, 2),
        ["p95_ms"] = Math.Round(phase.P95Ms, 2),
        ["p99_ms"] = Math.Round(phase.P99Ms, 2),
        ["max_ms"] = Math.Round(phase.MaxMs, 2),
    };
}
