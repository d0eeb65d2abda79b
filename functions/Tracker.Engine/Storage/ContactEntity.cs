namespace Tracker.Engine.Storage;

/// <summary>How to reach a participant, kept apart from answers so erasure removes one row and responses never sit beside an address.</summary>
public sealed class ContactEntity : TableEntityBase
{
    public string Email { get; set; } = "";

    public string? ExternalId { get; set; }

    /// <summary>The language the participant reads (one of the panel's tags); null means the panel's default. Erased with the row.</summary>
    public string? Language { get; set; }

    /// <summary>How the invitations greet the participant (the CSV's <c>first_name</c>); personal data, so here and not with the participant.</summary>
    public string? FirstName { get; set; }
}
