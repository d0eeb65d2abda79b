using Tracker.Engine.Common;

namespace Tracker.Engine.Invitations;

/// <summary>An email's subject and body with <see cref="MessageTemplate"/> placeholders; a blank line separates paragraphs of the body.</summary>
public sealed record EmailTemplate(LocalizedText Subject, LocalizedText Body);
