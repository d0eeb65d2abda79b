using Tracker.Engine.Forms;
using Microsoft.AspNetCore.Http;

namespace Tracker.Web.Pages;

/// <summary>Shown after a saved submission; tells the participant the same link lets them change it until the wave closes.</summary>
public static class ThankYouPage
{
    public const string Title = "Thank you – your answers are saved";

    /// <param name="formUrl">The participant's link, offered as "Change my answers"; omitted when null.</param>
    public static HtmlPage Page(string panelName, string closesAtText, string? formUrl = null, string language = "en") =>
        new(StatusCodes.Status200OK, Render(panelName, closesAtText, formUrl, language));

    /// <inheritdoc cref="Page"/>
    public static string Render(string panelName, string closesAtText, string? formUrl = null, string language = "en") =>
        PageLayout.Render(language, $"{Title} – {panelName}", html =>
        {
            html.Element("p", panelName, ("class", "panel")).Line()
                .Element("h1", Title).Line()
                .Element("p", "Your answers have been saved.").Line()
                .Element("p", $"You can change them with the same link until this wave closes ({closesAtText}). Your new answers will replace the earlier ones.").Line();
            if (formUrl is not null)
            {
                html.Open("p").Element("a", "Change my answers", ("href", formUrl), ("class", "button")).Close("p").Line();
            }

            html.Element("p", "You can close this page now.", ("class", "meta")).Line();
        });
}
