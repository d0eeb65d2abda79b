using Tracker.Engine.Storage;

namespace Tracker.Engine.Retention;

/// <summary>
/// One retention notice, panel × threshold (30 or 7 days), in the summaries table: claimed by insert before the email
/// goes, so however often the timer runs each notice is sent once. Keyed by panel, so deleting the panel removes it.
/// </summary>
public sealed class RetentionNoticeEntity : LedgerEntity
{
    public int Threshold { get; set; }

    public static string Row(int threshold) => $"retention~{threshold}";
}
