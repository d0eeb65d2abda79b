using Microsoft.AspNetCore.Http;
using Tracker.Web.Pages.Components;

namespace Tracker.Web.Pages;

/// <summary>
/// The pages behind a summary's unsubscribe link, in the participant pages' layout and with their security headers.
/// GET only asks (mail scanners and link previews fetch links, and must not unsubscribe anyone); the button posts the
/// same body a mail app's one-click unsubscribe sends (RFC 8058), to the same URL.
/// </summary>
public static class UnsubscribePage
{
    public const string ConfirmTitle = "Stop receiving these summaries?";
    public const string DoneTitle = "You are unsubscribed";

    public static HtmlPage Confirm(string panelName, string actionUrl) => new(StatusCodes.Status200OK,
        PageRenderer.Render<UnsubscribeConfirmView>(new() { ["PanelName"] = panelName, ["ActionUrl"] = actionUrl }));

    public static HtmlPage Done(string panelName) => new(StatusCodes.Status200OK, PageRenderer.Render<MessageView>(new()
    {
        ["Title"] = $"{DoneTitle} – {panelName}",
        ["PanelName"] = panelName,
        ["Heading"] = DoneTitle,
        ["Text"] = "You will not receive further trend summaries of this panel. You can close this page now.",
    }));

    /// <summary>404 for a token that does not verify or names no panel: one page for all, so it reveals nothing.</summary>
    public static HtmlPage InvalidLink() => ProblemPage.Page(StatusCodes.Status404NotFound,
        "This unsubscribe link does not work",
        "Please check that you opened the whole link from the summary email.\n\nIf it still does not work, please ask the research team to remove you from the panel's stakeholders.");

    /// <summary>503: storage is unavailable; nothing changed, and the same link will work later.</summary>
    public static HtmlPage Unavailable() => ProblemPage.Page(StatusCodes.Status503ServiceUnavailable,
        "Sorry, this page is not available right now",
        "Please try again in a few minutes with the same link. Nothing has been changed yet.") with { RetryAfter = SurveyFormPage.UnavailableRetryAfter };
}
