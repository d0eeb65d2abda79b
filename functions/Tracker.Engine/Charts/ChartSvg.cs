using System.Globalization;
using System.Xml.Linq;

namespace Tracker.Engine.Charts;

/// <summary>
/// Makes ScottPlot's SVG fit to sit inside a page under a strict Content-Security-Policy: an accessible name and
/// description (<c>role="img"</c> named by its <c>&lt;title&gt;</c> and described by its <c>&lt;desc&gt;</c>), a viewBox instead of a fixed size so it
/// scales to the screen, ids made unique to the chart, and no <c>style</c> attribute or element (the page's CSP admits only
/// its own hashed style block, so any other style would be refused and reported in the console).
/// </summary>
/// <remarks>
/// Text stays text, so it can be read and selected. ScottPlot places every glyph at the advance of the shipped typeface
/// (<see cref="ChartFont"/>, Liberation Sans), so the SVG names that family first and then Arial and Helvetica, which have
/// the same metrics: the browser draws with a font it already has and nothing is fetched (the CSP has no font-src).
/// </remarks>
internal static class ChartSvg
{
    public const string FontFamily = "'Liberation Sans', Arial, Helvetica, sans-serif";

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Inline(string svg, string elementId, string title, string description)
    {
        var document = XDocument.Parse(svg);
        var root = document.Root ?? throw new InvalidOperationException("ScottPlot returned an SVG without a root element.");
        var width = (string?)root.Attribute("width") ?? ChartStyle.Width.ToString(CultureInfo.InvariantCulture);
        var height = (string?)root.Attribute("height") ?? ChartStyle.Height.ToString(CultureInfo.InvariantCulture);
        root.Attribute("width")?.Remove();
        root.Attribute("height")?.Remove();
        root.SetAttributeValue("viewBox", $"0 0 {width} {height}");

        foreach (var element in root.DescendantsAndSelf().ToList())
        {
            element.Attribute("style")?.Remove();
            if (element.Name == Svg + "style") element.Remove();
            if (element.Attribute("font-family") is { } font) font.Value = FontFamily;
            if (element.Attribute("id") is { } id) id.Value = $"{elementId}-{id.Value}";
            foreach (var reference in element.Attributes().Where(a => a.Value.Contains("url(#", StringComparison.Ordinal)))
            {
                reference.Value = reference.Value.Replace("url(#", $"url(#{elementId}-", StringComparison.Ordinal);
            }
        }

        foreach (var text in root.Descendants(Svg + "text").SelectMany(t => t.Nodes().OfType<XText>()))
        {
            text.Value = text.Value.Trim();
        }

        root.SetAttributeValue("id", elementId);
        root.SetAttributeValue("class", "chart");
        root.SetAttributeValue("role", "img");
        // Named by the title alone and described by the numbers: labelling by both would make the whole description its name.
        root.SetAttributeValue("aria-labelledby", $"{elementId}-title");
        root.SetAttributeValue("aria-describedby", $"{elementId}-desc");
        root.AddFirst(
            new XElement(Svg + "title", new XAttribute("id", $"{elementId}-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", $"{elementId}-desc"), description));

        // Inline in HTML: no XML declaration, and the xlink prefix only if something still uses it.
        if (!root.Descendants().Attributes().Any(a => a.Name.Namespace == "http://www.w3.org/1999/xlink"))
        {
            root.Attributes().Where(a => a.IsNamespaceDeclaration && a.Name.LocalName == "xlink").Remove();
        }

        return root.ToString(SaveOptions.DisableFormatting);
    }
}
