namespace Tracker.Engine.Storage;

/// <summary>
/// The enrolment index: one row per enrolled address of a panel (partition <c>{panel}~index</c> of the contacts table,
/// row key = keyed hash of the normalised address), inserted before the participant so that two imports of one address
/// cannot both enrol it. It names the participant the address belongs to, so a re-run finishes an interrupted enrolment.
/// </summary>
public sealed class ContactIndexEntity : TableEntityBase
{
    /// <summary>The row of the index partition that says under which link key the index was built.</summary>
    public const string MarkerRow = "!built";

    public string ParticipantId { get; set; } = "";

    /// <summary>The link key id the row key's hash was made with.</summary>
    public string KeyId { get; set; } = "";

    public static string Partition(string panelId) => $"{panelId}~index";
}
