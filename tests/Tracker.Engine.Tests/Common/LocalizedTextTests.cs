using System.Text.Json;
using Tracker.Engine.Common;
using Tracker.Engine.Panels;

namespace Tracker.Engine.Tests.Common;

/// <summary>Participant-facing texts: one string for a one-language panel, one per language otherwise, each gap named by path.</summary>
public sealed class LocalizedTextTests
{
    private static (LocalizedText? Text, List<string> Problems) Read(string json)
    {
        using var document = JsonDocument.Parse($"{{\"text\": {json}}}");
        var problems = new List<string>();
        var fields = new DefinitionFields(problems).Properties(document.RootElement, "consent", ["text"], "consent")!;
        return (new DefinitionFields(problems).Localized(fields, "consent", "text"), problems);
    }

    [Fact]
    public void A_text_per_language_is_picked_by_tag_then_primary_subtag_then_the_first()
    {
        var (text, problems) = Read("""{"en": "Hello", "de": "Hallo"}""");

        Assert.Empty(problems);
        Assert.Equal("Hallo", text!.For("de"));
        Assert.Equal("Hallo", text.For("de-CH"));
        Assert.Equal("Hello", text.For("fr"));
    }

    [Fact]
    public void Missing_and_foreign_languages_are_each_named_by_path()
    {
        var (text, _) = Read("""{"en": "Hello", "fr": "Bonjour"}""");
        var problems = new List<string>();

        text!.ReportMissing("consent.text", ["en", "de"], problems);

        Assert.Equal(
            ["consent.text.de: is missing (the panel's languages are en, de)", "consent.text.fr: is not one of the panel's languages (en, de)"],
            problems);
    }

    [Fact]
    public void A_plain_string_serves_one_language_only()
    {
        var (text, _) = Read("\"Hello\"");
        var one = new List<string>();
        var two = new List<string>();

        text!.ReportMissing("consent.text", ["en"], one);
        text.ReportMissing("consent.text", ["en", "de"], two);

        Assert.Empty(one);
        Assert.StartsWith("consent.text: is one text, but the panel speaks en, de", Assert.Single(two), StringComparison.Ordinal);
        Assert.Equal("Hello", text.For("de"));
    }

    [Theory]
    [InlineData("42", "consent.text: must be text in double quotes, or one text per language")]
    [InlineData("""{"english": "Hello"}""", "consent.text.english: is not a language tag")]
    [InlineData("""{"en": 1}""", "consent.text.en: must be text in double quotes")]
    [InlineData("{}", "consent.text: is empty")]
    public void Wrong_shapes_say_what_to_write(string json, string expected)
    {
        var (text, problems) = Read(json);

        Assert.Null(text);
        Assert.StartsWith(expected, Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void It_is_stored_as_it_was_written()
    {
        var perLanguage = JsonSerializer.Deserialize<LocalizedText>("""{"en":"Hello","de":"Hallo"}""")!;
        var plain = JsonSerializer.Deserialize<LocalizedText>("\"Hello\"")!;

        Assert.Equal("""{"en":"Hello","de":"Hallo"}""", JsonSerializer.Serialize(perLanguage));
        Assert.Equal("\"Hello\"", JsonSerializer.Serialize(plain));
    }
}
