using Microsoft.AspNetCore.Http;
using Tracker.Engine.Forms;
using Tracker.Engine.OptOut;

namespace Tracker.Web.Pages;

/// <summary>The opt-out page behind every email's footer link: three choices, one form, no scripts.</summary>
public static class OptOutPage
{
    public const string ChoiceField = OptOutService.ChoiceField;

    public static HtmlPage Choices(string panelName, int wave, string actionUrl) =>
        new(StatusCodes.Status200OK, PageLayout.Render("en", $"Your emails – {panelName}", html =>
        {
            html.Element("p", panelName, ("class", "panel")).Line()
                .Element("h1", "Change which emails you get").Line()
                .Open("form", ("method", "post"), ("action", actionUrl)).Line()
                .Open("fieldset").Element("legend", "Choose one").Line();
            Option(html, "skip", $"Skip wave {wave}", "No reminders about this wave. You will still be invited to the next one.", true);
            Option(html, "reminders", "Stop reminders", "Keep getting one invitation per wave, but no reminders.", false);
            Option(html, "leave", "Leave the panel", "We will not email you again. Answers you already gave are kept for the study unless you ask the researchers to erase them.", false);
            html.Close("fieldset").Line()
                .Open("p").Raw("<button type=\"submit\" class=\"button\">Save my choice</button>").Close("p").Line()
                .Close("form").Line();
        }));

    public static HtmlPage Done(string panelName, OptOutChoice choice, int wave) =>
        new(StatusCodes.Status200OK, PageLayout.Render("en", $"Saved – {panelName}", html =>
        {
            html.Element("p", panelName, ("class", "panel")).Line()
                .Element("h1", "Your choice is saved").Line()
                .Element("p", choice switch
                {
                    OptOutChoice.SkipWave => $"You will get no more emails about wave {wave}. We will invite you to the next wave as planned.",
                    OptOutChoice.StopReminders => "You will get no more reminders. We will still send one invitation for each wave.",
                    _ => "You have left the panel. We will not email you again. Thank you for taking part.",
                }).Line();
        }));

    /// <summary>
    /// 503 while storage is down: nothing was saved. When a choice was posted it rides on a "Try again" button (the field a
    /// one-click unsubscribe posted included), so the participant does not have to choose again.
    /// </summary>
    public static HtmlPage Unavailable(string? actionUrl = null, string? postedField = null, string? postedValue = null)
    {
        var title = actionUrl is null ? "Sorry, this page is not available right now" : "Sorry, your choice could not be saved just now";
        var html = PageLayout.Render("en", title, builder =>
        {
            builder.Element("h1", title).Line();
            if (actionUrl is null || postedField is null)
            {
                PageLayout.Paragraphs(builder, "Please try again in a few minutes with the same link from your email.");
                return;
            }

            PageLayout.Paragraphs(builder, "Nothing has been changed yet. Your choice is kept on this page: please wait a minute and press \u201cTry again\u201d, or use the same link from your email later.");
            builder.Open("form", ("method", "post"), ("action", actionUrl)).Line()
                .Open("input", ("type", "hidden"), ("name", postedField), ("value", postedValue ?? "")).Line()
                .Element("button", "Try again", ("type", "submit")).Line()
                .Close("form").Line();
        });
        return new HtmlPage(StatusCodes.Status503ServiceUnavailable, html) { RetryAfter = SurveyFormPage.UnavailableRetryAfter };
    }

    private static void Option(HtmlBuilder html, string value, string label, string hint, bool isChecked)
    {
        var id = $"choice-{value}";
        html.Open("div", ("class", "option"));
        html.Open("input", ("type", "radio"), ("name", ChoiceField), ("id", id), ("value", value), ("checked", isChecked ? "" : null));
        html.Open("label", ("for", id)).Element("strong", label).Raw("<br>").Text(hint).Close("label");
        html.Close("div").Line();
    }
}
