using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tracker.Cli.Bench;

/// <summary>The outcome of <c>tracker bench dispatch</c>: the bare MailKit phases, Tracker's wave, the ledger-only baseline, and the accounting.</summary>
public sealed record DispatchBenchReport(
    DispatchBenchSettings Settings,
    SmtpPhase BareOneConnection,
    SmtpPhase BarePooled,
    SmtpPhase Tracker,
    int QueueParallelism,
    int BatchSize,
    DispatchAccounting Accounting)
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>
    /// Tracker's rate as a share of the bare loop with as many connections as Tracker uses: the like-for-like comparison
    /// (the one-connection loop is reported beside it, to show what the pool buys on this server).
    /// </summary>
    public double Ratio => BarePooled.PerSecond > 0 ? Tracker.PerSecond / BarePooled.PerSecond : 0;

    public double RatioToOneConnection => BareOneConnection.PerSecond > 0 ? Tracker.PerSecond / BareOneConnection.PerSecond : 0;

    public bool TargetMet => Ratio >= Settings.Target;

    /// <summary>The ledger's inserts, claims and marks alone against the same Azurite (<see cref="DispatchLedgerBaseline"/>).</summary>
    public SmtpPhase? LedgerOnly { get; init; }

    /// <summary>When, in Tracker's wave, the planner returned and the first message arrived.</summary>
    public DispatchWaveTiming? TrackerTiming { get; init; }

    /// <summary>Tracker's rate as a share of the storage-bound ceiling: what the ledger work alone reaches on the same Azurite.</summary>
    public double RatioToLedger => LedgerOnly is { PerSecond: > 0 } ledger ? Tracker.PerSecond / ledger.PerSecond : 0;

    /// <summary>One line of JSON (snake_case, seconds, per-second rates) for scripts and for docs/engine.md.</summary>
    public string ToJsonLine() => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["bench"] = "dispatch",
        ["server"] = Settings.FastSink ? "sink" : "smtp4dev",
        ["participants"] = Settings.Participants,
        ["warmup"] = Settings.Warmup,
        ["queue_parallelism"] = QueueParallelism,
        ["batch_size"] = BatchSize,
        ["bare_one_connection"] = Phase(BareOneConnection),
        ["bare_pooled"] = Phase(BarePooled),
        ["tracker"] = Phase(Tracker),
        ["planner_seconds"] = TrackerTiming is null ? null : Math.Round(TrackerTiming.Planned.TotalSeconds, 3),
        ["first_message_seconds"] = TrackerTiming?.FirstMessage is { } first ? Math.Round(first.TotalSeconds, 3) : null,
        ["ratio"] = Math.Round(Ratio, 3),
        ["ratio_to_one_connection"] = Math.Round(RatioToOneConnection, 3),
        ["ledger_only"] = LedgerOnly is null ? null : Phase(LedgerOnly),
        ["ratio_to_ledger_only"] = Math.Round(RatioToLedger, 3),
        ["target_ratio"] = Settings.Target,
        ["target_met"] = TargetMet,
        ["accounting"] = new Dictionary<string, object>
        {
            ["participants"] = Accounting.Participants,
            ["ledger_rows"] = Accounting.LedgerRows,
            ["ledger_states"] = Accounting.LedgerStates.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value),
            ["received"] = Accounting.Received,
            ["distinct_message_ids"] = Accounting.DistinctMessageIds,
            ["distinct_recipients"] = Accounting.DistinctRecipients,
            ["unknown_message_ids"] = Accounting.UnknownMessageIds,
            ["exactly_once"] = Accounting.ExactlyOnce,
        },
    }, Json);

    private static Dictionary<string, object> Phase(SmtpPhase phase) => new()
    {
        ["connections"] = phase.Connections,
        ["messages"] = phase.Messages,
        ["seconds"] = Math.Round(phase.Elapsed.TotalSeconds, 3),
        ["per_second"] = Math.Round(phase.PerSecond, 1),
    };
}
