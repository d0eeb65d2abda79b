using Tracker.Engine.Email;
using Tracker.Engine.Invitations;
using Tracker.Engine.Summaries;
using Tracker.Web.Pages;

namespace Tracker.Web.Emails;

/// <summary>
/// The engine's email bodies as Razor components, rendered by the same <see cref="PageRenderer"/> (<c>HtmlRenderer</c>)
/// as the participant pages, so every value is HTML-encoded and no body builds markup by string interpolation.
/// </summary>
public sealed class RazorEmailBodyRenderer : IEmailBodyRenderer
{
    public string Invitation(InvitationBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return PageRenderer.Render<InvitationEmailView>(new() { ["Body"] = body });
    }

    public string Summary(SummaryBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return PageRenderer.Render<SummaryEmailView>(new() { ["Body"] = body });
    }
}
