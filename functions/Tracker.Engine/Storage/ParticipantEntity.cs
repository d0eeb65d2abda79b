namespace Tracker.Engine.Storage;

/// <summary>A participant under a pseudonymous id: nothing here identifies a person (the email lives in <see cref="ContactEntity"/>).</summary>
public sealed class ParticipantEntity : TableEntityBase
{
    public const string Active = "active";
    public const string Left = "left";

    /// <summary>Erased on request: the contact is gone; the row remains without personal data as a tombstone.</summary>
    public const string Erased = "erased";

    public string Status { get; set; } = Active;

    public string TimeZone { get; set; } = "";

    public DateTimeOffset EnrolledAt { get; set; }

    /// <summary>The participant chose "stop reminders": invitations still come, reminders never.</summary>
    public bool RemindersOff { get; set; }

    /// <summary>Waves the participant chose to skip, comma-separated ("3,5").</summary>
    public string? SkippedWaves { get; set; }

    public DateTimeOffset? LeftAt { get; set; }

    /// <summary>The wave whose email the participant left the panel from.</summary>
    public int? LeftWave { get; set; }

    /// <summary>The researcher erased this participant's answers too; readers of sealed snapshots leave them out.</summary>
    public bool ResponsesErased { get; set; }

    public IReadOnlySet<int> Skipped() =>
        string.IsNullOrEmpty(SkippedWaves)
            ? new HashSet<int>()
            : SkippedWaves.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(w => int.Parse(w, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
}
