using System.Text.Json;
using Tracker.Engine.Panels;

namespace Tracker.Engine.Tests.Panels;

/// <summary>A panel's languages: the default first, tags checked, the instrument's own language required among them.</summary>
public sealed class PanelLanguagesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static Tracker.Engine.Common.Validation<Panel> Validate(string languages)
    {
        using var document = JsonDocument.Parse("""{"name":"P","instrument":"default","languages":""" + languages
            + ""","schedule":{"start":"2027-01-04T09:00:00Z","waves":3,"interval":"P7D","window":"P5D"}}""");
        var read = new List<string>();
        var definition = PanelDefinitionReader.Read(document.RootElement, read);
        return PanelDefinitionValidator.Validate(definition, "pabc", Now, read);
    }

    [Fact]
    public void Without_languages_the_panel_speaks_its_instruments_language()
    {
        using var document = JsonDocument.Parse("""{"name":"P","instrument":"default","schedule":{"start":"2027-01-04T09:00:00Z","waves":3,"interval":"P7D","window":"P5D"}}""");
        var read = new List<string>();
        var panel = PanelDefinitionValidator.Validate(PanelDefinitionReader.Read(document.RootElement, read), "pabc", Now, read).Value!;

        Assert.Equal(["en"], panel.Languages);
        Assert.Equal("en", panel.DefaultLanguage);
    }

    [Fact]
    public void The_first_language_is_the_default_and_a_request_matches_by_tag_then_primary_subtag()
    {
        var panel = Validate("""["de","en"]""").Value!;

        Assert.Equal("de", panel.DefaultLanguage);
        Assert.Equal("en", PanelLanguages.Match(panel, "EN"));
        Assert.Equal("de", PanelLanguages.Match(panel, "de-AT"));
        Assert.Equal("de", PanelLanguages.Match(panel, "fr"));
        Assert.Equal("de", PanelLanguages.Match(panel, null));
    }

    [Fact]
    public void Bad_tags_duplicates_and_a_list_without_the_instruments_language_are_each_named()
    {
        var problems = Validate("""["de","de","english!"]""").Problems;

        Assert.Contains(problems, p => p.StartsWith("languages[1]: 'de' is listed twice", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("languages[2]: 'english!' is not a BCP 47", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("languages: must include the instrument's language 'en'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ar", true)]
    [InlineData("he-IL", true)]
    [InlineData("fa", true)]
    [InlineData("de", false)]
    [InlineData("en-GB", false)]
    public void Right_to_left_is_known_by_the_primary_subtag(string tag, bool rightToLeft) =>
        Assert.Equal(rightToLeft, PanelLanguages.IsRightToLeft(tag));
}
