using Tracker.Engine.Storage;

namespace Tracker.Engine.Summaries;

/// <summary>
/// One row of the summary ledger: panel × period × recipient, claimed before the email is sent and marked sent after
/// (the invitation ledger's pattern). The recipient is a hash of the address, so the ledger holds no email.
/// </summary>
public sealed class SummaryEntity : LedgerEntity
{
    public string Period { get; set; } = "";

    /// <summary>The fitted model the email was composed from (its version name).</summary>
    public string? ModelVersion { get; set; }

    public static string Row(string period, string recipientKey) => $"{period}~{recipientKey}";
}
