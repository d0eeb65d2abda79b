using Tracker.Engine.Storage;

namespace Tracker.Engine.Audit;

/// <summary>
/// A row of the <c>audit</c> table: partition = panel id (<see cref="AuditLog.AppPartition"/> for actions on no one
/// panel), row key = <see cref="AuditLog.RowKeyFor"/> (inverted ticks, so a partition reads newest first).
/// </summary>
public sealed class AuditEntity : TableEntityBase
{
    public string Who { get; set; } = "";

    public string Role { get; set; } = "";

    public string Method { get; set; } = "";

    public string Action { get; set; } = "";

    /// <summary>Comma-separated pseudonymous participant ids.</summary>
    public string? ParticipantIds { get; set; }

    public int? Wave { get; set; }

    public DateTimeOffset At { get; set; }

    public string ClientAddress { get; set; } = "";

    public string Result { get; set; } = "";

    public int Status { get; set; }

    /// <summary>A JSON object of strings: counts, formats, rows.</summary>
    public string? DetailsJson { get; set; }
}
