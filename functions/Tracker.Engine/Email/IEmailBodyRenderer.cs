using Tracker.Engine.Invitations;
using Tracker.Engine.Summaries;

namespace Tracker.Engine.Email;

/// <summary>
/// Renders the HTML part of every email Tracker sends. The engine decides what an email says (its plain-text part, its
/// subject, its links and figures) and hands the words to this; the web side renders them with Razor components and
/// <c>HtmlRenderer</c>, the one mechanism its pages use (Tracker.Web/Emails). The engine cannot render them itself:
/// components belong to ASP.NET Core, which the engine is kept free of (docs/architecture.md, "Rendering").
/// </summary>
public interface IEmailBodyRenderer
{
    /// <summary>The invitation or a reminder to one participant.</summary>
    string Invitation(InvitationBody body);

    /// <summary>The stakeholder trend summary.</summary>
    string Summary(SummaryBody body);
}
