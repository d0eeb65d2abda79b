namespace Tracker.Engine.Participants;

/// <summary>One accepted line of a participant CSV.</summary>
public sealed record ParticipantRow(int Line, string Email, string? ExternalId, string TimeZone)
{
    /// <summary>How invitations greet the participant; null when the file has no <c>first_name</c> or the cell is empty.</summary>
    public string? FirstName { get; init; }
}
