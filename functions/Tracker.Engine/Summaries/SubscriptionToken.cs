namespace Tracker.Engine.Summaries;

/// <summary>What an unsubscribe link names: a panel and one of its summary recipients, by <see cref="SummaryLedger.RecipientKey"/> (never the address).</summary>
public sealed record SubscriptionToken(string PanelId, string RecipientKey);
