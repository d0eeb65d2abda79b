using System.Text.Json;
using Tracker.Engine.Consent;
using Tracker.Engine.Panels;

namespace Tracker.Engine.Tests.Consent;

/// <summary>The panel's <c>consent</c>: read and checked by JSON path against the panel's languages, hashed as shown, stored as JSON.</summary>
public sealed class ConsentDefinitionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static Tracker.Engine.Common.Validation<Panel> Validate(string consent, string languages = """["en"]""")
    {
        using var document = JsonDocument.Parse("""{"name":"P","instrument":"default","languages":""" + languages + ""","consent":""" + consent
            + ""","schedule":{"start":"2027-01-04T09:00:00Z","waves":3,"interval":"P7D","window":"P5D"}}""");
        var read = new List<string>();
        var definition = PanelDefinitionReader.Read(document.RootElement, read);
        return PanelDefinitionValidator.Validate(definition, "pabc", Now, read);
    }

    [Fact]
    public void A_valid_consent_becomes_the_panels_current_version()
    {
        var panel = Validate("""{"version":"2027-01","text":"You agree.\n\nYou may stop at any time.","title":"Information"}""").Value!;

        Assert.Equal("2027-01", panel.Consent!.Version);
        Assert.Equal("You agree.\n\nYou may stop at any time.", panel.Consent.Text.For("en"));
        Assert.Equal("Information", panel.Consent.Title!.For("en"));
    }

    [Fact]
    public void A_panel_without_consent_has_none()
    {
        using var document = JsonDocument.Parse("""{"name":"P","instrument":"default","schedule":{"start":"2027-01-04T09:00:00Z","waves":3,"interval":"P7D","window":"P5D"}}""");
        var read = new List<string>();
        var panel = PanelDefinitionValidator.Validate(PanelDefinitionReader.Read(document.RootElement, read), "pabc", Now, read).Value!;

        Assert.Null(panel.Consent);
    }

    [Theory]
    [InlineData("""{"text":"x"}""", "consent.version: is required")]
    [InlineData("""{"version":"","text":"x"}""", "consent.version: is required")]
    [InlineData("""{"version":"2027 01","text":"x"}""", "consent.version: '2027 01' must be 1 to 32 letters")]
    [InlineData("""{"version":"v/1","text":"x"}""", "consent.version: 'v/1' must be 1 to 32 letters")]
    [InlineData("""{"version":"123456789012345678901234567890123","text":"x"}""", "consent.version: '123456789012345678901234567890123' must be 1 to 32 letters")]
    [InlineData("""{"version":"2027-01"}""", "consent.text: is required")]
    [InlineData("""{"version":"2027-01","text":" "}""", "consent.text: is empty")]
    [InlineData("""{"version":"2027-01","text":"a\u0007b"}""", "consent.text: contains control characters")]
    [InlineData("""{"version":"2027-01","text":"x","extra":1}""", "consent.extra: is not a property of the consent")]
    [InlineData("""{"version":"2027-01","text":"x","Title":"y"}""", "consent.Title: property names are case-sensitive; write 'title'")]
    [InlineData("[]", "consent: must be a JSON object")]
    public void Each_problem_is_named_by_its_path(string consent, string expected)
    {
        var validation = Validate(consent);

        Assert.False(validation.IsValid);
        Assert.Contains(validation.Problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_longest_version_and_text_are_accepted_and_one_more_character_is_not()
    {
        var version = new string('v', ConsentValidator.MaxVersionLength);
        Assert.True(Validate($$"""{"version":"{{version}}","text":"{{new string('a', ConsentValidator.MaxTextLength)}}"}""").IsValid);

        var problems = Validate($$"""{"version":"{{version}}v","text":"{{new string('a', ConsentValidator.MaxTextLength + 1)}}"}""").Problems;
        Assert.Contains(problems, p => p.StartsWith("consent.version:", StringComparison.Ordinal));
        Assert.Contains("consent.text: is 20,001 characters; at most 20,000", problems);
    }

    [Fact]
    public void Every_panel_language_needs_the_text_and_title_and_all_problems_come_at_once()
    {
        var problems = Validate("""{"version":"x y","text":{"en":"Yes"},"title":"One title"}""", """["en","de"]""").Problems;

        Assert.Contains(problems, p => p.StartsWith("consent.version:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("consent.text.de: is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("consent.title: is one text, but the panel speaks en, de", StringComparison.Ordinal));
    }

    [Fact]
    public void The_hash_is_the_sha256_of_the_exact_text_shown_in_that_language()
    {
        var panel = Validate("""{"version":"2027-01","text":{"en":"I agree.","de":"Ich stimme zu."}}""", """["en","de"]""").Value!;

        // printf 'I agree.' | sha256sum
        Assert.Equal("826ff0dab649a97ffdd7779a332accafb35cc161012253a19383db19289d6e02", panel.Consent!.HashFor("en"));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("Ich stimme zu."u8)), panel.Consent.HashFor("de"));
        Assert.NotEqual(panel.Consent.HashFor("en"), panel.Consent.HashFor("de"));

        // Not normalised: one more space is another text.
        Assert.NotEqual(PanelConsent.Hash("I agree."), PanelConsent.Hash("I agree. "));
    }

    [Fact]
    public void The_consent_survives_the_panel_rows_json_and_a_changed_word_is_another_text()
    {
        var consent = Validate("""{"version":"2027-01","text":{"en":"Yes","de":"Ja"},"title":{"en":"T","de":"T"}}""", """["en","de"]""").Value!.Consent!;

        var back = JsonSerializer.Deserialize<PanelConsent>(JsonSerializer.Serialize(consent))!;

        Assert.Equal("2027-01", back.Version);
        Assert.True(back.SameTextAs(consent));
        Assert.Equal(consent.HashFor("de"), back.HashFor("de"));
        Assert.False(consent.SameTextAs(consent with { Text = Tracker.Engine.Common.LocalizedText.Of([new("en", "Yes"), new("de", "Ja!")]) }));
        Assert.False(consent.SameTextAs(consent with { Title = null }));
    }
}
