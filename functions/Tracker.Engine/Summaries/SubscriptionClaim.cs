namespace Tracker.Engine.Summaries;

/// <summary>
/// What a verified summary unsubscribe token says: a panel, the key it was signed with, and either a keyed proof of
/// the recipient (tokens issued now) or, for tokens issued before the proof existed, the recipient key itself.
/// <see cref="SubscriptionSigner.Names"/> tells which of the panel's recipients it is.
/// </summary>
public sealed record SubscriptionClaim(string PanelId, string KeyId, string? RecipientProof, string? LegacyRecipientKey);
