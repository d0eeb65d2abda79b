namespace Tracker.Engine.Storage;

/// <summary>
/// An address erased at the participant's request (partition <c>{panel}~erased</c> of the contacts table, row key =
/// keyed hash of the normalised address): imports refuse it, so an erased person is never enrolled again from an old roster.
/// </summary>
public sealed class ErasedAddressEntity : TableEntityBase
{
    /// <summary>The link key id the row key's hash was made with.</summary>
    public string KeyId { get; set; } = "";

    public DateTimeOffset ErasedAt { get; set; }

    public static string Partition(string panelId) => $"{panelId}~erased";
}
