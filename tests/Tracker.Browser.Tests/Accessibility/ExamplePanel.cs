using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.VisualBasic.FileIO;

namespace Tracker.Browser.Tests.Accessibility;

/// <summary>
/// The example panel of docs/instruments.md as the documentation shows it (consent, a wave-1 page of demographics with
/// every question type and a display condition, the constructs on three pages, a comments page), with only its
/// schedule moved to start now on the stack's clock: the browser tests audit what a researcher would field.
/// </summary>
public static class ExamplePanel
{
    /// <summary>Wave 1 shows the demographics page too; later waves the construct and comment pages only.</summary>
    public static readonly IReadOnlyList<string> Wave1Titles = ["About you", "What you do", "How you feel", "What comes of it", "Anything else?"];

    public static IReadOnlyList<string> Wave2Titles { get; } = [.. Wave1Titles.Skip(1)];

    /// <summary>The items of each construct page, in form order (three constructs of three statements a page).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> ConstructPages { get; } =
    [
        Items("ugc", "interaction", "community"),
        Items("ownership", "value", "identification"),
        Items("participation", "diffusion", "willingness"),
    ];

    public static readonly TimeSpan WaveInterval = TimeSpan.FromDays(14);

    /// <summary>The example's own thank-you title in English (its invitations.templates.thankYou), which replaces the built-in one.</summary>
    public static string ThankYouTitle => JsonNode.Parse(Json())!["invitations"]!["templates"]!["thankYou"]!["title"]!["en"]!.GetValue<string>();

    public static async Task<string> CreateAsync(BrowserFixture stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var panel = JsonNode.Parse(Json())!;
        panel["schedule"]!["start"] = stack.Clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        using var body = new StringContent(panel.ToJsonString(), Encoding.UTF8, "application/json");
        var response = await stack.Admin.PostAsync("api/panels", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"the example panel was refused: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>The panel's items export as rows by column name (quoted fields with line breaks included).</summary>
    public static async Task<List<Dictionary<string, string>>> ItemsExportAsync(BrowserFixture stack, string panelId)
    {
        ArgumentNullException.ThrowIfNull(stack);
        using var csv = new TextFieldParser(new StringReader(await stack.Admin.GetStringAsync($"api/panels/{panelId}/export/items")))
        {
            TextFieldType = FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = false,
        };
        csv.SetDelimiters(",");
        var header = csv.ReadFields()!;
        var rows = new List<Dictionary<string, string>>();
        while (!csv.EndOfData)
        {
            var fields = csv.ReadFields()!;
            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        }

        return rows;
    }

    private static string[] Items(params string[] constructs) => [.. constructs.SelectMany(c => Enumerable.Range(1, 3).Select(n => $"{c}_{n}"))];

    /// <summary>The first JSON block of docs/instruments.md, found above the test binaries.</summary>
    private static string Json()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var doc = Path.Combine(dir.FullName, "docs", "instruments.md");
            if (!File.Exists(doc)) continue;
            var markdown = File.ReadAllText(doc);
            const string Fence = "```json\n";
            var start = markdown.IndexOf(Fence, StringComparison.Ordinal) + Fence.Length;
            return markdown[start..markdown.IndexOf("\n```", start, StringComparison.Ordinal)];
        }

        throw new FileNotFoundException("docs/instruments.md was not found above the test binaries.");
    }
}
