using Microsoft.AspNetCore.Http;
using Tracker.Engine.OptOut;
using Tracker.Web.Pages.Components;

namespace Tracker.Web.Pages;

/// <summary>The opt-out page behind every email's footer link: three choices, one form, no scripts.</summary>
public static class OptOutPage
{
    public const string ChoiceField = OptOutService.ChoiceField;

    public static HtmlPage Choices(string panelName, int wave, string actionUrl) =>
        new(StatusCodes.Status200OK, PageRenderer.Render<OptOutChoicesView>(new() { ["PanelName"] = panelName, ["Wave"] = wave, ["ActionUrl"] = actionUrl }));

    public static HtmlPage Done(string panelName, OptOutChoice choice, int wave) =>
        new(StatusCodes.Status200OK, PageRenderer.Render<MessageView>(new()
        {
            ["Title"] = $"Saved – {panelName}",
            ["PanelName"] = panelName,
            ["Heading"] = "Your choice is saved",
            ["Text"] = choice switch
            {
                OptOutChoice.SkipWave => $"You will get no more emails about wave {wave}. We will invite you to the next wave as planned.",
                OptOutChoice.StopReminders => "You will get no more reminders. We will still send one invitation for each wave.",
                _ => "You have left the panel. We will not email you again. Thank you for taking part.",
            },
        }));

    /// <summary>
    /// 503 while storage is down: nothing was saved. When a choice was posted it rides on a "Try again" button (the field a
    /// one-click unsubscribe posted included), so the participant does not have to choose again.
    /// </summary>
    public static HtmlPage Unavailable(string? actionUrl = null, string? postedField = null, string? postedValue = null)
    {
        var keeps = actionUrl is not null && postedField is not null;
        var title = actionUrl is null ? "Sorry, this page is not available right now" : "Sorry, your choice could not be saved just now";
        var html = PageRenderer.Render<ProblemView>(new()
        {
            ["Title"] = title,
            ["Message"] = keeps
                ? "Nothing has been changed yet. Your choice is kept on this page: please wait a minute and press \u201cTry again\u201d, or use the same link from your email later."
                : "Please try again in a few minutes with the same link from your email.",
            ["Action"] = keeps ? actionUrl : null,
            ["Kept"] = keeps ? new[] { new KeyValuePair<string, string>(postedField!, postedValue ?? "") } : Array.Empty<KeyValuePair<string, string>>(),
        });
        return new HtmlPage(StatusCodes.Status503ServiceUnavailable, html) { RetryAfter = SurveyFormPage.UnavailableRetryAfter };
    }
}
