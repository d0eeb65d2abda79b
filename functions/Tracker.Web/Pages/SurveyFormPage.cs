using Tracker.Engine.Forms;
using Tracker.Engine.Languages;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tracker.Web.Pages.Components;

namespace Tracker.Web.Pages;

/// <summary>
/// The participant's form, one page at a time: every construct item as a fieldset of labelled radio buttons, every
/// other question in its own control (<c>Components/*QuestionView.razor</c>), a progress indicator when there are
/// several pages, and Next/Back (Submit on the last page). Construct names are never shown, because naming what a
/// block of statements measures steers the answers.
/// </summary>
public static class SurveyFormPage
{
    public const string SubmitText = "Save my answers";

    /// <summary>The page with 200, or 422 when <see cref="SurveyFormModel.Errors"/> is not empty.</summary>
    public static HtmlPage Page(SurveyFormModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var status = model.Errors.Count > 0 ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK;
        return new HtmlPage(status, Render(model));
    }

    /// <summary>How long a participant is asked to wait when storage is down: long enough for a restart, short enough to wait for.</summary>
    public static readonly TimeSpan UnavailableRetryAfter = TimeSpan.FromSeconds(30);


    /// <summary>
    /// 503 with Retry-After and the posted choices still checked: an outage must not cost a participant what they chose,
    /// and the same button saves them once storage is back.
    /// </summary>
    public static HtmlPage Unavailable(SurveyFormModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new HtmlPage(StatusCodes.Status503ServiceUnavailable, Render(model with { Notice = model.Texts.Fill(PageText.UnavailableNotice, ("submit", model.Texts[PageText.Submit])), Errors = [] })) { RetryAfter = UnavailableRetryAfter };
    }

    public static string Render(SurveyFormModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return PageRenderer.Render<SurveyFormView>(new() { ["Model"] = model });
    }

    /// <summary>The id of an item's radio button for one scale point; the error summary links to the first.</summary>
    public static string OptionId(string itemId, int value) => $"{itemId}-{value.ToString(CultureInfo.InvariantCulture)}";

    public static string ErrorId(string itemId) => $"{itemId}-error";

    public const string NextText = "Next";

    public const string BackText = "Back";

    /// <summary>The input of a number, text or date question.</summary>
    public static string FieldId(string questionId) => $"q-{questionId}";

    /// <summary>The radio button or checkbox of a question's choice, by its position (codes need not be valid in an id).</summary>
    public static string ChoiceId(string questionId, int index) => $"q-{questionId}-{index.ToString(CultureInfo.InvariantCulture)}";

    public static string HintId(string questionId) => $"{questionId}-hint";

    /// <summary>What a question's input is described by: its hint, then its error when it has one.</summary>
    public static string? DescribedBy(string questionId, bool hasError, bool hasHint = true) => (hasHint, hasError) switch
    {
        (true, true) => $"{HintId(questionId)} {ErrorId(questionId)}",
        (true, false) => HintId(questionId),
        (false, true) => ErrorId(questionId),
        _ => null,
    };
}
