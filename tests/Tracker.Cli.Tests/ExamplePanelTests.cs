using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tracker.Cli.Bench;
using Tracker.Cli.Demo;
using Tracker.Cli.Panels;
using Tracker.LocalHost.App;

namespace Tracker.Cli.Tests;

/// <summary>
/// The example panel the repository ships (docs/examples/co-creation-panel.json) is the one docs/instruments.md shows,
/// and <c>tracker panel create --file</c> takes it as it stands: the two cannot drift, and a researcher who copies
/// the example gets a panel, not a 400.
/// </summary>
public sealed partial class ExamplePanelTests
{
    private static readonly string Root = typeof(ExamplePanelTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    [Fact]
    public void The_example_in_docs_instruments_md_is_the_shipped_file()
    {
        var doc = File.ReadAllText(Path.Combine(Root, "docs", "instruments.md"));
        var section = doc[doc.IndexOf("## The example panel", StringComparison.Ordinal)..];
        var block = JsonBlock().Match(section);
        Assert.True(block.Success, "no ```json block under \"The example panel\"");

        var shown = JsonNode.Parse(block.Groups["json"].Value);
        var shipped = JsonNode.Parse(File.ReadAllText(DemoExample.PathIn(Root)));
        Assert.True(JsonNode.DeepEquals(shown, shipped), "docs/instruments.md's example and docs/examples/co-creation-panel.json differ; copy the file into the docs block");
    }

    [Fact]
    public async Task Tracker_panel_create_accepts_the_example_file_as_it_stands()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var stack = await TrackerStack.StartAsync(BenchCommand.StackOptions(), timeout.Token);

        var root = new RootCommand("tracker") { PanelCommand.Create() };
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exitCode = await root.Parse(["panel", "create", "--file", DemoExample.PathIn(Root), "--quiet", "--url", stack.Host.BaseUrl.ToString(), "--key", stack.AdminKey])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, timeout.Token);
        Assert.Equal((0, ""), (exitCode, error.ToString()));
        var panelId = output.ToString().Trim();

        // What was stored is the example: both languages, the consent, the trusted sender, the pages with the baseline in wave 1.
        using var admin = stack.Host.CreateClient(withAdminKey: true);
        var panel = await admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}", timeout.Token);
        Assert.Equal("Co-creation panel", panel.GetProperty("name").GetString());
        var consent = await admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/consent", timeout.Token);
        Assert.Equal("2027-01", consent.GetProperty("currentVersion").GetString());
        Assert.Equal(["de", "en"], Assert.Single(consent.GetProperty("versions").EnumerateArray()).GetProperty("texts").EnumerateArray().Select(t => t.GetProperty("language").GetString()!).Order(StringComparer.Ordinal));

        var codebook = await admin.GetStringAsync($"api/panels/{panelId}/export/codebook.json", timeout.Token);
        using var parsed = JsonDocument.Parse(codebook);
        Assert.Contains("about-you", codebook, StringComparison.Ordinal);
        Assert.Contains("tiktok_hours", codebook, StringComparison.Ordinal);
        Assert.Contains("willingness_3", codebook, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"```json\n(?<json>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
