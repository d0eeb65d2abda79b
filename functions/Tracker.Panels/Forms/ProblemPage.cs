using Microsoft.AspNetCore.Http;

namespace Tracker.Panels.Forms;

/// <summary>
/// A plain page for a request that cannot be served. The wording never says which part of a link was wrong: telling a
/// forged token from an expired one would help whoever forged it.
/// </summary>
public static class ProblemPage
{
    public static HtmlPage Page(int statusCode, string title, string message, string language = "en") =>
        new(statusCode, Render(title, message, language));

    public static string Render(string title, string message, string language = "en") =>
        PageLayout.Render(language, title, html =>
        {
            html.Element("h1", title).Line();
            PageLayout.Paragraphs(html, message);
        });

    /// <summary>404: the token does not verify or names nothing we know.</summary>
    public static HtmlPage InvalidLink() => Page(StatusCodes.Status404NotFound,
        "This link does not work",
        "Please check that you opened the whole link from your invitation email.\n\nIf it still does not work, please contact the research team who invited you.");

    /// <summary>403: a genuine link past its expiry.</summary>
    public static HtmlPage ExpiredLink() => Page(StatusCodes.Status403Forbidden,
        "This link has expired",
        "The link from your invitation email can no longer be used.\n\nIf you are invited to a later wave, you will receive a new link by email.");

    /// <summary>410: the wave has closed, so answers can no longer be given or changed.</summary>
    public static HtmlPage WaveClosed() => Page(StatusCodes.Status410Gone,
        "This survey has closed",
        "The time for answering this wave has ended, so answers can no longer be saved or changed.\n\nIf you are invited to a later wave, you will receive a new link by email.");

    /// <summary>400: a post our form cannot have produced.</summary>
    public static HtmlPage BadRequest() => Page(StatusCodes.Status400BadRequest,
        "We could not read your answers",
        "Your answers have not been saved. Please open the link from your invitation email again and resubmit the form.");

    /// <summary>503: storage is unavailable; nothing was saved, and the same link will work later.</summary>
    public static HtmlPage Unavailable() => Page(StatusCodes.Status503ServiceUnavailable,
        "Sorry, the survey is not available right now",
        "Please try again in a few minutes with the same link.\n\nIf you were submitting answers, they have not been saved yet.");
}
