namespace Tracker.Engine.Invitations;

/// <summary>
/// The lines that let a participant trust an email, already worded in the participant's language: who runs the study
/// (<see cref="RunBy"/>), why (<see cref="Purpose"/>), whom to ask (<see cref="ContactLead"/> followed by the address
/// <see cref="Contact"/>) and the privacy note. Each is null when the panel does not give it.
/// </summary>
public sealed record StudyFacts(string? RunBy, string? Purpose, string? Contact, string? PrivacyNote)
{
    public static StudyFacts None { get; } = new(null, null, null, null);

    public string Heading { get; init; } = "About this study";

    public string ContactLead { get; init; } = "Questions about the study? Write to";

    public bool IsEmpty => RunBy is null && Purpose is null && Contact is null && PrivacyNote is null;

    /// <summary>The same lines as the HTML part shows, for the plain-text part.</summary>
    public IEnumerable<string> TextLines()
    {
        if (IsEmpty) yield break;
        yield return Heading;
        if (RunBy is not null) yield return RunBy;
        if (Purpose is not null) yield return Purpose;
        if (Contact is not null) yield return $"{ContactLead} {Contact}";
        if (PrivacyNote is not null) yield return PrivacyNote;
    }
}
