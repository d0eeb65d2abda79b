using Tracker.Engine.Forms;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tracker.Engine.Instruments;

namespace Tracker.Web.Pages;

/// <summary>
/// The participant's form: every item as a fieldset of labelled radio buttons, in instrument order. Construct names are
/// never shown, because naming what a block of statements measures steers the answers.
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

    public const string UnavailableNotice =
        "Sorry, your answers could not be saved just now: our storage is not answering. Your choices are kept below. Please wait a minute and press \u201c" + SubmitText + "\u201d again.";

    /// <summary>
    /// 503 with Retry-After and the posted choices still checked: an outage must not cost a participant what they chose,
    /// and the same button saves them once storage is back.
    /// </summary>
    public static HtmlPage Unavailable(SurveyFormModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new HtmlPage(StatusCodes.Status503ServiceUnavailable, Render(model with { Notice = UnavailableNotice, Errors = [] })) { RetryAfter = UnavailableRetryAfter };
    }

    public static string Render(SurveyFormModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var instrument = model.Instrument;
        var errors = model.Errors
            .GroupBy(e => e.ItemId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Message, StringComparer.Ordinal);
        var numbers = instrument.Items
            .Select((item, index) => (item.Id, Number: index + 1))
            .ToDictionary(x => x.Id, x => x.Number, StringComparer.Ordinal);

        // Screen-reader users hear the title first, so a failed submission says so before anything else.
        var title = (errors.Count > 0 || model.Notice is not null ? "Error: " : string.Empty) + $"{instrument.Title} – {model.PanelName}";

        return PageLayout.Render(instrument.Language, title, html =>
        {
            if (model.Notice is not null)
            {
                // Same look and focus behaviour as the error summary: it is the first thing read out and seen.
                html.Open("div", ("class", "error-summary"), ("role", "alert"), ("tabindex", "-1"), ("autofocus", "")).Line()
                    .Element("p", model.Notice).Line()
                    .Close("div").Line();
            }

            if (errors.Count > 0)
            {
                ErrorSummary(html, instrument, errors, numbers);
            }

            html.Element("p", model.PanelName, ("class", "panel")).Line()
                .Element("h1", instrument.Title).Line()
                .Element("p", $"Wave {model.WaveNumber.ToString(CultureInfo.InvariantCulture)} of {model.WaveCount.ToString(CultureInfo.InvariantCulture)}. Open until {model.ClosesAtText}.", ("class", "meta")).Line();
            PageLayout.Paragraphs(html, instrument.Introduction);
            html.Element("p", "Please choose one answer for every statement.", ("class", "meta")).Line();

            html.Open("form", ("method", "post"), ("action", model.ActionUrl)).Line();
            foreach (var construct in instrument.Constructs)
            {
                html.Open("div", ("class", "group")).Line();
                foreach (var item in construct.Items)
                {
                    Question(html, instrument.Scale, item, numbers[item.Id], model.Answers, errors.GetValueOrDefault(item.Id));
                }

                html.Close("div").Line();
            }

            html.Element("button", SubmitText, ("type", "submit")).Line()
                .Close("form").Line();
        });
    }

    /// <summary>The id of an item's radio button for one scale point; the error summary links to the first.</summary>
    public static string OptionId(string itemId, int value) => $"{itemId}-{value.ToString(CultureInfo.InvariantCulture)}";

    public static string ErrorId(string itemId) => $"{itemId}-error";

    private static void ErrorSummary(HtmlBuilder html, Instrument instrument, Dictionary<string, string> errors, Dictionary<string, int> numbers)
    {
        // autofocus brings keyboard and screen-reader users straight to the summary without any script.
        html.Open("div", ("class", "error-summary"), ("role", "alert"), ("aria-labelledby", "error-summary-title"), ("tabindex", "-1"), ("autofocus", "")).Line()
            .Element("h2", "There is a problem", ("id", "error-summary-title")).Line()
            .Open("ul").Line();
        foreach (var item in instrument.Items.Where(i => errors.ContainsKey(i.Id)))
        {
            html.Open("li")
                .Element("a", $"Statement {numbers[item.Id].ToString(CultureInfo.InvariantCulture)}: {errors[item.Id]}", ("href", "#" + OptionId(item.Id, instrument.Scale.Min)))
                .Close("li").Line();
        }

        html.Close("ul").Line().Close("div").Line();
    }

    private static void Question(HtmlBuilder html, ResponseScale scale, Item item, int number, IReadOnlyDictionary<string, int> answers, string? error)
    {
        var chosen = answers.TryGetValue(item.Id, out var value) ? value : (int?)null;
        html.Open("fieldset", ("class", error is null ? "item" : "item has-error"), ("aria-describedby", error is null ? null : ErrorId(item.Id))).Line()
            .Open("legend")
            .Element("span", $"{number.ToString(CultureInfo.InvariantCulture)}.", ("class", "number"))
            .Raw(" ").Text(item.Text)
            .Close("legend").Line();
        if (error is not null)
        {
            html.Open("p", ("class", "error"), ("id", ErrorId(item.Id)))
                .Element("span", "Error: ", ("class", "visually-hidden"))
                .Text(error)
                .Close("p").Line();
        }

        html.Open("div", ("class", "scale")).Line();
        for (var point = scale.Min; point <= scale.Max; point++)
        {
            var id = OptionId(item.Id, point);
            var label = point - scale.Min < scale.Labels.Count ? scale.Labels[point - scale.Min] : point.ToString(CultureInfo.InvariantCulture);
            // The whole bordered box is the label, so the tap target is the full row on a phone, not just the small circle.
            html.Open("label", ("class", "option"), ("for", id))
                .Open("input", ("type", "radio"), ("id", id), ("name", item.Id), ("value", point.ToString(CultureInfo.InvariantCulture)), ("checked", chosen == point ? "" : null))
                .Element("span", label)
                .Close("label").Line();
        }

        html.Close("div").Line().Close("fieldset").Line();
    }
}
