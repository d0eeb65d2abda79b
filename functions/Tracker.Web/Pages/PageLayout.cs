using Tracker.Engine.Forms;
namespace Tracker.Web.Pages;

/// <summary>The document around every participant page: language, phone viewport, the hashed style block, one <c>&lt;main&gt;</c>.</summary>
internal static class PageLayout
{
    public static string Render(string language, string title, Action<HtmlBuilder> body)
    {
        var html = new HtmlBuilder();
        html.Raw("<!doctype html>").Line()
            .Open("html", ("lang", string.IsNullOrWhiteSpace(language) ? "en" : language)).Line()
            .Raw("<head>").Line()
            .Raw("<meta charset=\"utf-8\">").Line()
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">").Line()
            .Raw("<meta name=\"referrer\" content=\"no-referrer\">").Line()
            .Raw("<meta name=\"robots\" content=\"noindex, nofollow\">").Line()
            .Element("title", title).Line()
            .Raw("<style>").Raw(PageStyle.Css).Raw("</style>").Line()
            .Raw("</head>").Line()
            .Raw("<body>").Line()
            .Raw("<main>").Line();
        body(html);
        html.Raw("</main>").Line()
            .Raw("</body>").Line()
            .Raw("</html>").Line();
        return html.ToString();
    }

    /// <summary>Paragraphs from text whose blank lines separate them, as researchers write introductions.</summary>
    public static void Paragraphs(HtmlBuilder html, string? text, string? cssClass = null)
    {
        var paragraphs = (text ?? string.Empty)
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var paragraph in paragraphs)
        {
            html.Element("p", paragraph.Replace('\n', ' '), ("class", cssClass)).Line();
        }
    }
}
