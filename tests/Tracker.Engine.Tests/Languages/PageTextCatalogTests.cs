using System.Text.Json;
using Tracker.Engine.Instruments;
using Tracker.Engine.Languages;
using Tracker.Engine.Panels;

namespace Tracker.Engine.Tests.Languages;

/// <summary>The fixed words of participant pages and emails: complete in every offered language, overridable, refused by path when missing.</summary>
public sealed class PageTextCatalogTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> OfferedLanguages() => [.. PageTextCatalog.Offered];

    private static Tracker.Engine.Common.Validation<Panel> Validate(string languages, string? pageTexts = null)
    {
        using var document = JsonDocument.Parse("""{"name":"P","instrument":""" + InstrumentIn(languages) + ""","languages":""" + languages
            + (pageTexts is null ? "" : ""","pageTexts":""" + pageTexts)
            + ""","schedule":{"start":"2027-01-04T09:00:00Z","waves":3,"interval":"P7D","window":"P5D"}}""");
        var read = new List<string>();
        var definition = PanelDefinitionReader.Read(document.RootElement, read);
        return PanelDefinitionValidator.Validate(definition, "pabc", Now, read);
    }

    /// <summary>The default instrument with a translation for each of the panel's other languages (a panel needs one; which words it holds does not matter here).</summary>
    private static string InstrumentIn(string languages)
    {
        var german = DefaultInstrument.Instance.Translations!["de"];
        var others = JsonSerializer.Deserialize<string[]>(languages)!.Where(l => l != DefaultInstrument.Instance.Language).Distinct().ToDictionary(l => l, _ => german);
        return InstrumentJson.Serialize(DefaultInstrument.Instance with { Translations = others.Count == 0 ? null : others });
    }

    [Fact]
    public void English_German_and_Arabic_are_offered_and_each_key_is_a_PageText_constant_or_an_answer_error()
    {
        Assert.Superset(new HashSet<string> { "en", "de", "ar" }, PageTextCatalog.Offered.ToHashSet());
        var constants = typeof(PageText).GetFields().Select(f => (string)f.GetRawConstantValue()!)
            .Concat(Enum.GetValues<Tracker.Engine.Forms.AnswerErrorKey>().Select(Tracker.Engine.Forms.AnswerError.CatalogKeyOf)).ToHashSet();
        Assert.Equal(constants.Order(), PageTextCatalog.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(OfferedLanguages))]
    public void Every_offered_language_has_every_key_with_the_same_placeholders_and_no_empty_text(string language)
    {
        var texts = PageTextCatalog.BuiltIn(language)!;
        Assert.Equal(PageTextCatalog.Keys.Order(), texts.Keys.Order());
        foreach (var key in PageTextCatalog.Keys)
        {
            Assert.False(string.IsNullOrWhiteSpace(texts[key]), $"{language}.{key} is empty");
            if (key is PageText.DateTime or PageText.EmailDateTime) continue;
            Assert.True(
                ParticipantTexts.Placeholders(PageTextCatalog.English[key]).Order().SequenceEqual(ParticipantTexts.Placeholders(texts[key]).Distinct().Order()),
                $"{language}.{key} has placeholders other than the English text's");
        }
    }

    [Theory]
    [InlineData("ar", true)]
    [InlineData("de", false)]
    [InlineData("en", false)]
    public void Arabic_texts_are_right_to_left(string language, bool rightToLeft)
    {
        var panel = Validate($"""["en","{language}"]""".Replace("\"en\",\"en\"", "\"en\"", StringComparison.Ordinal)).Value!;
        var texts = PageTextCatalog.For(panel, language);
        Assert.Equal(language, texts.Language);
        Assert.Equal(rightToLeft, texts.IsRightToLeft);
    }

    [Fact]
    public void Dates_are_written_in_the_participants_language_and_the_Gregorian_calendar()
    {
        var panel = Validate("""["en","de","ar"]""").Value!;
        var thursday = new DateTimeOffset(2027, 1, 7, 18, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal("Thursday 7 January 2027 at 18:00 (Europe/Berlin)", PageTextCatalog.For(panel, "en").When(thursday, "Europe/Berlin"));
        Assert.Equal("Donnerstag, 7. Januar 2027 um 18:00 Uhr (Europe/Berlin)", PageTextCatalog.For(panel, "de").When(thursday, "Europe/Berlin"));
        Assert.Contains("2027", PageTextCatalog.For(panel, "ar").When(thursday, "Europe/Berlin"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_panel_with_several_languages_offers_each_by_its_own_name_and_a_one_language_panel_none()
    {
        var texts = PageTextCatalog.For(Validate("""["en","de","ar"]""").Value!, "de");
        Assert.Equal(["English", "Deutsch", "العربية"], texts.Choices.Select(c => c.Name));
        Assert.Equal("Weiter", texts[PageText.Next]);
        Assert.Empty(PageTextCatalog.For(Validate("""["en"]""").Value!, null).Choices);
    }

    [Fact]
    public void A_language_without_built_in_texts_and_without_pageTexts_is_refused_naming_each_missing_key()
    {
        var problems = Validate("""["en","xx"]""").Problems;

        Assert.Contains("pageTexts.xx.next: is missing (no built-in texts for 'xx')", problems);
        Assert.Contains("pageTexts.xx.scaleRange: is missing (no built-in texts for 'xx')", problems);
        Assert.Contains("pageTexts.xx.numberFromToExample: is missing (no built-in texts for 'xx')", problems);
        Assert.Equal(PageTextCatalog.Keys.Count, problems.Count(p => p.StartsWith("pageTexts.xx.", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_language_without_built_in_texts_is_accepted_with_every_key_and_its_words_are_used()
    {
        var own = JsonSerializer.Serialize(PageTextCatalog.Keys.ToDictionary(k => k, k => k == PageText.Next ? "Volgende-xx" : PageTextCatalog.English[k]));
        var panel = Validate("""["en","xx"]""", $$"""{"xx":{{own}}}""").Value!;

        Assert.Equal("Volgende-xx", PageTextCatalog.For(panel, "xx")[PageText.Next]);
        Assert.Equal("Next", PageTextCatalog.For(panel, "en")[PageText.Next]);
    }

    [Fact]
    public void PageTexts_override_built_in_words_of_one_language_only()
    {
        var panel = Validate("""["en","de"]""", """{"de":{"submit":"Absenden"}}""").Value!;

        Assert.Equal("Absenden", PageTextCatalog.For(panel, "de")[PageText.Submit]);
        Assert.Equal("Zurück", PageTextCatalog.For(panel, "de")[PageText.Back]);
        Assert.Equal("Save my answers", PageTextCatalog.For(panel, "en")[PageText.Submit]);
    }

    [Fact]
    public void Bad_pageTexts_are_each_named_by_path()
    {
        var problems = Validate("""["en","de"]""", """{"fr":{"next":"Suivant"},"de":{"nxt":"Weiter","pageOf":"Seite {page} von {total}","dateTime":"%","back":""}}""").Problems;

        Assert.Contains(problems, p => p.StartsWith("pageTexts.fr: is not one of the panel's languages", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("pageTexts.de.nxt: is not a property of a language's page texts", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("pageTexts.de.pageOf: uses {total}, which this text cannot fill", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("pageTexts.de.dateTime: is not a .NET date and time format", StringComparison.Ordinal));
        Assert.Contains("pageTexts.de.back: is empty", problems);
    }

    [Fact]
    public void Placeholders_are_filled_in_one_pass_so_a_panel_name_with_braces_stays_as_written()
    {
        var texts = PageTextCatalog.For(Validate("""["en"]""").Value!, null);
        Assert.Equal("{wave} study: your survey for wave 2 of 5", texts.Fill(PageText.EmailInviteSubject, ("panel", "{wave} study"), ("wave", 2), ("waves", 5)));
    }

    [Fact]
    public void A_participant_language_is_the_panels_tag_in_any_case_or_a_regional_variant_else_nothing()
    {
        string[] languages = ["en", "de"];
        Assert.Equal("de", ParticipantLanguage.Find(languages, "DE"));
        Assert.Equal("de", ParticipantLanguage.Find(languages, "de-AT"));
        Assert.Null(ParticipantLanguage.Find(languages, "fr"));
        Assert.Null(ParticipantLanguage.Find(["pt-BR", "pt-PT"], "pt"));
    }
}
