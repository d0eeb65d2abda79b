using Tracker.Engine.Languages;
using Tracker.Web.Pages.Components;
using Microsoft.AspNetCore.Http;
using Tracker.Engine.Invitations;

namespace Tracker.Web.Pages;

/// <summary>Shown after a saved submission; tells the participant the same link lets them change it until the wave closes.</summary>
public static class ThankYouPage
{
    public const string Title = "Thank you – your answers are saved";

    /// <param name="formUrl">The participant's link, offered as "Change my answers"; omitted when null.</param>
    /// <param name="texts">The participant's fixed words; English when null.</param>
    /// <param name="text">The researcher's thank-you text, in place of the built-in heading (when it gives one) and words.</param>
    public static HtmlPage Page(string panelName, string closesAtText, string? formUrl = null, ParticipantTexts? texts = null, ThankYouText? text = null) =>
        new(StatusCodes.Status200OK, Render(panelName, closesAtText, formUrl, texts, text));

    /// <inheritdoc cref="Page"/>
    public static string Render(string panelName, string closesAtText, string? formUrl = null, ParticipantTexts? texts = null, ThankYouText? text = null) =>
        PageRenderer.Render<ThankYouView>(new() { ["PanelName"] = panelName, ["ClosesAtText"] = closesAtText, ["FormUrl"] = formUrl, ["Texts"] = texts ?? ParticipantTexts.English, ["Text"] = text });
}
