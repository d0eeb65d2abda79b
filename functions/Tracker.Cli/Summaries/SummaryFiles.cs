using System.Text.RegularExpressions;

namespace Tracker.Cli.Summaries;

/// <summary>
/// Writes a summary preview to a folder: each inlined chart as its own PNG (named after the chart) and the HTML
/// referring to those files, so it opens in any browser and the PNGs can go into a report.
/// </summary>
public static partial class SummaryFiles
{
    public static IReadOnlyList<string> Write(string previewHtml, string folder)
    {
        ArgumentNullException.ThrowIfNull(previewHtml);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        var html = InlineImage().Replace(previewHtml, match =>
        {
            var name = $"{match.Groups["id"].Value}.png";
            var path = Path.Combine(folder, name);
            File.WriteAllBytes(path, Convert.FromBase64String(match.Groups["data"].Value));
            written.Add(path);
            return $"<img id=\"chart-{match.Groups["id"].Value}\" src=\"{name}\"";
        });
        var page = Path.Combine(folder, "summary.html");
        File.WriteAllText(page, html);
        written.Insert(0, page);
        return written;
    }

    [GeneratedRegex("<img id=\"chart-(?<id>[a-z0-9-]+)\" src=\"data:image/png;base64,(?<data>[A-Za-z0-9+/=]+)\"")]
    private static partial Regex InlineImage();
}
