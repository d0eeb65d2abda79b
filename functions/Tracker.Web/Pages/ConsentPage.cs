using Microsoft.AspNetCore.Http;
using Tracker.Engine.Consent;
using Tracker.Engine.Languages;
using Tracker.Web.Pages.Components;

namespace Tracker.Web.Pages;

/// <summary>The consent page before the form, and the pages after a decision, in the participant's language.</summary>
public static class ConsentPage
{
    /// <summary>The English Agree button (the catalog's words; tests find the button by it).</summary>
    public static string AgreeText => ParticipantTexts.English[PageText.Agree];

    /// <summary>The English Decline button.</summary>
    public static string DeclineText => ParticipantTexts.English[PageText.Decline];

    public static HtmlPage Ask(ConsentPageModel model) => new(StatusCodes.Status200OK, Render(model));

    public static string Render(ConsentPageModel model) => PageRenderer.Render<ConsentView>(new() { ["Model"] = model });

    public static HtmlPage Declined(string panelName, ParticipantTexts? texts = null)
    {
        texts ??= ParticipantTexts.English;
        return new(StatusCodes.Status200OK, PageRenderer.Render<MessageView>(new()
        {
            ["Title"] = $"{texts[PageText.ConsentDeclinedTitle]} – {panelName}",
            ["Texts"] = texts,
            ["PanelName"] = panelName,
            ["Heading"] = texts[PageText.ConsentDeclinedHeading],
            ["Text"] = texts[PageText.ConsentDeclinedText],
        }));
    }

    /// <summary>403: answers posted before consent was given; nothing was stored.</summary>
    public static HtmlPage ConsentFirst(string panelName, string formUrl, ParticipantTexts? texts = null) =>
        new(StatusCodes.Status403Forbidden, PageRenderer.Render<ConsentFirstView>(new() { ["PanelName"] = panelName, ["FormUrl"] = formUrl, ["Texts"] = texts ?? ParticipantTexts.English }));

    /// <summary>400: a consent post that is neither agree nor decline.</summary>
    public static HtmlPage NoDecision(ParticipantTexts? texts = null) =>
        ProblemPage.Page(StatusCodes.Status400BadRequest, texts ?? ParticipantTexts.English, PageText.ConsentNoDecisionTitle, PageText.ConsentNoDecisionText);

    /// <summary>303 to the form after agreeing, so a reload does not post the decision again.</summary>
    public static SeeOtherResult SeeForm(string formUrl) => new(formUrl);
}
