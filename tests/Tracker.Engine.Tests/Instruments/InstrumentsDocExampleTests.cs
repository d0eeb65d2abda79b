using System.Text.Json;
using Tracker.Engine.Instruments;

namespace Tracker.Engine.Tests.Instruments;

/// <summary>The example panel in docs/instruments.md is a valid instrument as it stands.</summary>
public class InstrumentsDocExampleTests
{
    private static string DocsPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "instruments.md");
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException("docs/instruments.md not found above the test binaries.");
    }

    [Fact]
    public void The_documented_example_instrument_is_valid_for_its_panel()
    {
        var markdown = File.ReadAllText(DocsPath());
        var start = markdown.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var json = markdown[start..markdown.IndexOf("\n```", start, StringComparison.Ordinal)];
        using var panel = JsonDocument.Parse(json);
        var element = panel.RootElement.GetProperty("instrument");
        var shape = new List<string>();
        InstrumentShape.Check(element, "instrument", shape);
        Assert.Empty(shape);

        var instrument = element.Deserialize<Instrument>(InstrumentJson.Options)!;
        var languages = panel.RootElement.GetProperty("languages").EnumerateArray().Select(l => l.GetString()!).ToList();
        var waves = panel.RootElement.GetProperty("schedule").GetProperty("waves").GetInt32();

        Assert.Empty(InstrumentValidator.Validate(instrument, "instrument", waves, languages));
        Assert.Equal(27, instrument.Items.Count());
        Assert.Equal(6, instrument.Questions.Count());
        Assert.Equal("Über Sie", instrument.In("de").Pages![0].Title);
    }
}
