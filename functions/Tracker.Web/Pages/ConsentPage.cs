using Microsoft.AspNetCore.Http;
using Tracker.Engine.Consent;
using Tracker.Web.Pages.Components;

namespace Tracker.Web.Pages;

/// <summary>The consent page before the form, and the pages after a decision.</summary>
public static class ConsentPage
{
    public const string AgreeText = "I agree and want to take part";
    public const string DeclineText = "I do not agree";

    public static HtmlPage Ask(ConsentPageModel model) => new(StatusCodes.Status200OK, Render(model));

    public static string Render(ConsentPageModel model) => PageRenderer.Render<ConsentView>(new() { ["Model"] = model });

    public static HtmlPage Declined(string panelName) =>
        new(StatusCodes.Status200OK, PageRenderer.Render<MessageView>(new()
        {
            ["Title"] = $"You have declined – {panelName}",
            ["PanelName"] = panelName,
            ["Heading"] = "You have declined to take part",
            ["Text"] = "Your decision is recorded. We will not email you again about this study, and nothing you could answer will be stored. Thank you for considering it.",
        }));

    /// <summary>403: answers posted before consent was given; nothing was stored.</summary>
    public static HtmlPage ConsentFirst(string panelName, string formUrl) =>
        new(StatusCodes.Status403Forbidden, PageRenderer.Render<ConsentFirstView>(new() { ["PanelName"] = panelName, ["FormUrl"] = formUrl }));

    /// <summary>400: a consent post that is neither agree nor decline.</summary>
    public static HtmlPage NoDecision() => ProblemPage.Page(StatusCodes.Status400BadRequest,
        "Please choose agree or decline", "Go back to the consent page and press one of its two buttons.");

    /// <summary>303 to the form after agreeing, so a reload does not post the decision again.</summary>
    public static SeeOtherResult SeeForm(string formUrl) => new(formUrl);
}
