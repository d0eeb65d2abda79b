using Tracker.Engine.Forms;
using Tracker.Engine.Languages;
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

    /// <summary>A problem page whose words come from the participant's <paramref name="texts"/>.</summary>
    public static HtmlPage Page(int statusCode, ParticipantTexts texts, string titleKey, string messageKey, params (string Name, object Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return new(statusCode, PageRenderer.Render<ProblemView>(new() { ["Title"] = texts.Fill(titleKey, values), ["Message"] = texts.Fill(messageKey, values), ["Texts"] = texts }));
    }

    /// <summary>404: the token does not verify or names nothing we know.</summary>
    public static HtmlPage InvalidLink(ParticipantTexts? texts = null) =>
        Page(StatusCodes.Status404NotFound, texts ?? ParticipantTexts.English, PageText.InvalidLinkTitle, PageText.InvalidLinkText);

    /// <summary>403: a genuine link past its expiry.</summary>
    public static HtmlPage ExpiredLink(ParticipantTexts? texts = null) =>
        Page(StatusCodes.Status403Forbidden, texts ?? ParticipantTexts.English, PageText.ExpiredLinkTitle, PageText.ExpiredLinkText);

    /// <summary>410: the wave has closed, so answers can no longer be given or changed.</summary>
    public static HtmlPage WaveClosed(ParticipantTexts? texts = null) =>
        Page(StatusCodes.Status410Gone, texts ?? ParticipantTexts.English, PageText.WaveClosedTitle, PageText.WaveClosedText);

    /// <summary>410: the researcher closed the study, so no wave takes answers any more.</summary>
    public static HtmlPage StudyEnded(ParticipantTexts? texts = null) =>
        Page(StatusCodes.Status410Gone, texts ?? ParticipantTexts.English, PageText.StudyEndedTitle, PageText.StudyEndedText);

    /// <summary>403: the wave has not opened yet for this participant.</summary>
    public static HtmlPage NotYetOpen(int wave, string opensAtText, ParticipantTexts? texts = null) =>
        Page(StatusCodes.Status403Forbidden, texts ?? ParticipantTexts.English, PageText.NotOpenTitle, PageText.NotOpenText, ("wave", wave), ("opens", opensAtText));

    /// <summary>400: a post our form cannot have produced.</summary>
    public static HtmlPage BadRequest(ParticipantTexts? texts = null) =>
        Page(StatusCodes.Status400BadRequest, texts ?? ParticipantTexts.English, PageText.BadRequestTitle, PageText.BadRequestText);

    /// <summary>503: storage is unavailable; nothing was saved, and the same link will work later.</summary>
    public static HtmlPage Unavailable(ParticipantTexts? texts = null) =>
        Page(StatusCodes.Status503ServiceUnavailable, texts ?? ParticipantTexts.English, PageText.UnavailableTitle, PageText.UnavailableText) with { RetryAfter = SurveyFormPage.UnavailableRetryAfter };

    /// <summary>
    /// 503 for a submission when storage is down and the form itself cannot be drawn (its panel was never read): the
    /// posted choices travel on as hidden fields behind a "try again" button, so nothing the participant chose is lost.
    /// Only fields our form could have produced are carried (short names and values, a bounded number).
    /// </summary>
    public static HtmlPage UnavailableKeepingAnswers(string actionUrl, IEnumerable<KeyValuePair<string, string>> fields, ParticipantTexts? texts = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        texts ??= ParticipantTexts.English;
        var kept = fields.Where(f => f.Key.Length is > 0 and <= 40 && f.Value.Length <= PostedPageReader.MaxFieldLength).Take(500).ToList();
        var html = PageRenderer.Render<ProblemView>(new()
        {
            ["Title"] = texts[PageText.UnsavedTitle],
            ["Message"] = texts.Fill(PageText.UnsavedText, ("tryAgain", texts[PageText.TryAgain])),
            ["Texts"] = texts,
            ["Action"] = actionUrl,
            ["Kept"] = kept,
        });
        return new HtmlPage(StatusCodes.Status503ServiceUnavailable, html) { RetryAfter = SurveyFormPage.UnavailableRetryAfter };
    }
}
