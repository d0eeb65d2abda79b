using Microsoft.AspNetCore.Http;
using Tracker.Engine.Languages;
using Tracker.Engine.OptOut;
using Tracker.Web.Pages.Components;

namespace Tracker.Web.Pages;

/// <summary>The opt-out page behind every email's footer link: three choices, one form, no scripts.</summary>
public static class OptOutPage
{
    public const string ChoiceField = OptOutService.ChoiceField;

    public static HtmlPage Choices(string panelName, int wave, string actionUrl, ParticipantTexts? texts = null) =>
        new(StatusCodes.Status200OK, PageRenderer.Render<OptOutChoicesView>(new() { ["PanelName"] = panelName, ["Wave"] = wave, ["ActionUrl"] = actionUrl, ["Texts"] = texts ?? ParticipantTexts.English }));

    public static HtmlPage Done(string panelName, OptOutChoice choice, int wave, ParticipantTexts? texts = null)
    {
        texts ??= ParticipantTexts.English;
        return new(StatusCodes.Status200OK, PageRenderer.Render<MessageView>(new()
        {
            ["Title"] = $"{texts[PageText.OptOutSavedTitle]} – {panelName}",
            ["Texts"] = texts,
            ["PanelName"] = panelName,
            ["Heading"] = texts[PageText.OptOutSavedHeading],
            ["Text"] = choice switch
            {
                OptOutChoice.SkipWave => texts.Fill(PageText.OptOutSavedSkip, ("wave", wave)),
                OptOutChoice.StopReminders => texts[PageText.OptOutSavedReminders],
                _ => texts[PageText.OptOutSavedLeave],
            },
        }));
    }

    /// <summary>400: a post that names none of the three choices.</summary>
    public static HtmlPage NoChoice(ParticipantTexts? texts = null) =>
        ProblemPage.Page(StatusCodes.Status400BadRequest, texts ?? ParticipantTexts.English, PageText.OptOutNoChoiceTitle, PageText.OptOutNoChoiceText);

    /// <summary>
    /// 503 while storage is down: nothing was saved. When a choice was posted it rides on a "Try again" button (the field a
    /// one-click unsubscribe posted included), so the participant does not have to choose again.
    /// </summary>
    public static HtmlPage Unavailable(string? actionUrl = null, string? postedField = null, string? postedValue = null, ParticipantTexts? texts = null)
    {
        texts ??= ParticipantTexts.English;
        var keeps = actionUrl is not null && postedField is not null;
        var html = PageRenderer.Render<ProblemView>(new()
        {
            ["Title"] = texts[actionUrl is null ? PageText.OptOutUnavailableTitle : PageText.OptOutUnsavedTitle],
            ["Message"] = keeps ? texts.Fill(PageText.OptOutUnsavedText, ("tryAgain", texts[PageText.TryAgain])) : texts[PageText.OptOutUnavailableText],
            ["Texts"] = texts,
            ["Action"] = keeps ? actionUrl : null,
            ["Kept"] = keeps ? new[] { new KeyValuePair<string, string>(postedField!, postedValue ?? "") } : Array.Empty<KeyValuePair<string, string>>(),
        });
        return new HtmlPage(StatusCodes.Status503ServiceUnavailable, html) { RetryAfter = SurveyFormPage.UnavailableRetryAfter };
    }
}
