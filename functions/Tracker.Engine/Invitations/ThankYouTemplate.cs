using Tracker.Engine.Common;

namespace Tracker.Engine.Invitations;

/// <summary>The thank-you page's heading (optional: the built-in one otherwise) and text, with <see cref="MessageTemplate.ThankYouPlaceholders"/>.</summary>
public sealed record ThankYouTemplate(LocalizedText? Title, LocalizedText Body);
