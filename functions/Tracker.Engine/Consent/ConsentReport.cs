namespace Tracker.Engine.Consent;

/// <summary>
/// The record an ethics board asks for (<c>GET /api/panels/{id}/consent</c>): every version's text with its hash per
/// language, and every decision. Decisions are named <c>agreed</c>/<c>declined</c> as in the CSV.
/// </summary>
public sealed record ConsentReport(string PanelId, string? CurrentVersion, IReadOnlyList<ConsentReport.VersionEntry> Versions, IReadOnlyList<ConsentReport.Entry> Records)
{
    public int Agreed => Records.Count(r => r.Decision == ConsentDecisions.Agreed);

    public int Declined => Records.Count(r => r.Decision == ConsentDecisions.Declined);

    /// <summary>One version: when it became current, and per language the text and the SHA-256 records carry.</summary>
    public sealed record VersionEntry(string Version, DateTimeOffset IntroducedAt, IReadOnlyList<TextEntry> Texts);

    public sealed record TextEntry(string Language, string? Title, string Text, string Sha256);

    public sealed record Entry(string ParticipantId, string Version, string TextSha256, string Decision, DateTimeOffset DecidedAt, string Language, int Wave);
}
