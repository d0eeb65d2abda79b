namespace Tracker.Engine.Consent;

/// <summary>
/// One participant's answer to one consent version: what an ethics board asks for. It holds no contact data, only the
/// pseudonymous participant id, and outlives an erasure (docs/researcher.md, "Consent").
/// </summary>
/// <param name="TextHash">SHA-256 (hex) of the exact text shown, in <paramref name="Language"/>.</param>
/// <param name="Wave">The wave whose link showed the consent page.</param>
public sealed record ConsentRecord(string ParticipantId, string Version, string TextHash, ConsentDecision Decision, DateTimeOffset DecidedAt, string Language, int Wave);
