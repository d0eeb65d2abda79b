namespace Tracker.Panels.Storage;

/// <summary>A participant under a pseudonymous id: nothing here identifies a person (the email lives in <see cref="ContactEntity"/>).</summary>
public sealed class ParticipantEntity : TableEntityBase
{
    public const string Active = "active";
    public const string Left = "left";

    public string Status { get; set; } = Active;

    public string TimeZone { get; set; } = "";

    public DateTimeOffset EnrolledAt { get; set; }
}
