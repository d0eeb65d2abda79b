namespace Tracker.Engine.Participants;

/// <summary>One accepted line of a participant CSV.</summary>
public sealed record ParticipantRow(int Line, string Email, string? ExternalId, string TimeZone)
{
    /// <summary>The panel's tag for the line's <c>language</c>; null when the column is absent or empty (the panel's default, or what is stored).</summary>
    public string? Language { get; init; }

    /// <summary>How invitations greet the participant; null when the file has no <c>first_name</c> or the cell is empty.</summary>
    public string? FirstName { get; init; }
}
