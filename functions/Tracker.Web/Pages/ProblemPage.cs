using Tracker.Engine.Forms;
using Tracker.Web.Pages.Components;
using Microsoft.AspNetCore.Http;

namespace Tracker.Web.Pages;

/// <summary>
/// A plain page for a request that cannot be served. The wording never says which part of a link was wrong: telling a
/// forged token from an expired one would help whoever forged it.
/// </summary>
public static class ProblemPage
{
    public static HtmlPage Page(int statusCode, string title, string message, string language = "en") =>
        new(statusCode, Render(title, message, language));

    public static string Render(string title, string message, string language = "en") =>
        PageRenderer.Render<ProblemView>(new() { ["Title"] = title, ["Message"] = message, ["Language"] = language });

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

    /// <summary>410: the researcher closed the study, so no wave takes answers any more.</summary>
    public static HtmlPage StudyEnded() => Page(StatusCodes.Status410Gone,
        "This study has ended",
        "The research team has closed this study, so answers can no longer be given or changed.\n\nThank you for taking part. You will not receive any more invitations from it.");

    /// <summary>400: a post our form cannot have produced.</summary>
    public static HtmlPage BadRequest() => Page(StatusCodes.Status400BadRequest,
        "We could not read your answers",
        "Your answers have not been saved. Please open the link from your invitation email again and resubmit the form.");

    /// <summary>503: storage is unavailable; nothing was saved, and the same link will work later.</summary>
    public static HtmlPage Unavailable() => Page(StatusCodes.Status503ServiceUnavailable,
        "Sorry, the survey is not available right now",
        "Please try again in a few minutes with the same link.\n\nIf you were submitting answers, they have not been saved yet.") with { RetryAfter = SurveyFormPage.UnavailableRetryAfter };

    /// <summary>
    /// 503 for a submission when storage is down and the form itself cannot be drawn (its panel was never read): the
    /// posted choices travel on as hidden fields behind a "try again" button, so nothing the participant chose is lost.
    /// Only fields our form could have produced are carried (short names and values, a bounded number).
    /// </summary>
    public static HtmlPage UnavailableKeepingAnswers(string actionUrl, IEnumerable<KeyValuePair<string, string>> fields, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(fields);
        var kept = fields.Where(f => f.Key.Length is > 0 and <= 40 && f.Value.Length <= PostedPageReader.MaxFieldLength).Take(500).ToList();
        var html = PageRenderer.Render<ProblemView>(new()
        {
            ["Title"] = "Sorry, your answers could not be saved just now",
            ["Message"] = "Our storage is not answering. Your choices are kept on this page: please wait a minute and press \u201cTry again\u201d.",
            ["Language"] = language,
            ["Action"] = actionUrl,
            ["Kept"] = kept,
        });
        return new HtmlPage(StatusCodes.Status503ServiceUnavailable, html) { RetryAfter = SurveyFormPage.UnavailableRetryAfter };
    }
}
