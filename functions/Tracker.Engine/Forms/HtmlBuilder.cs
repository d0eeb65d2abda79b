using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Tracker.Engine.Forms;

/// <summary>
/// Writes HTML where text and attribute values are always encoded and only the page templates' own constant markup
/// goes out raw, so instrument or answer text can never become markup.
/// </summary>
internal sealed class HtmlBuilder
{
    // All ranges allowed so instruments in other scripts stay readable in the source; the HTML-significant characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _html = new(8192);

    public static string Encode(string? text) => Encoder.Encode(text ?? string.Empty);

    /// <summary>Appends trusted markup from the templates; never pass data through here.</summary>
    public HtmlBuilder Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlBuilder Text(string? text)
    {
        Encoder.Encode(new StringWriter(_html), text ?? string.Empty);
        return this;
    }

    /// <summary>Opens <paramref name="tag"/>; attributes with a null value are left out, so optional ones read naturally at the call site.</summary>
    public HtmlBuilder Open(string tag, params (string Name, string? Value)[] attributes)
    {
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            _html.Append(' ').Append(name);
            if (value.Length > 0)
            {
                _html.Append("=\"");
                Text(value);
                _html.Append('"');
            }
        }

        _html.Append('>');
        return this;
    }

    public HtmlBuilder Close(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding only encoded text.</summary>
    public HtmlBuilder Element(string tag, string? text, params (string Name, string? Value)[] attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    public HtmlBuilder Line()
    {
        _html.Append('\n');
        return this;
    }

    public override string ToString() => _html.ToString();
}
