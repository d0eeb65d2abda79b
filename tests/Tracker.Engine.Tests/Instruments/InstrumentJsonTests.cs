using System.Text.Json;
using Tracker.Engine.Instruments;

namespace Tracker.Engine.Tests.Instruments;

public class InstrumentJsonTests
{
    private const string WithPages = """
        {
          "id": "cocreation", "title": "Study", "introduction": "Please answer.", "language": "en",
          "scale": { "min": 1, "max": 3, "labels": ["No", "Maybe", "Yes"] },
          "constructs": [ { "id": "ownership", "name": "Ownership", "layer": "psychology",
                            "items": [ { "id": "ownership_1", "text": "Mine.", "reversed": false, "required": false } ] } ],
          "pages": [
            { "id": "about-you", "title": "About you", "waves": [1],
              "items": [ { "id": "age", "type": "number", "text": "How old are you?", "min": 16, "max": 99, "integer": true },
                         { "id": "gender", "type": "singleChoice", "text": "Gender?", "required": false,
                           "choices": [ { "code": "F", "label": "Female" }, { "code": "m", "label": "Male" } ] },
                         { "id": "tiktok_hours", "type": "number", "text": "Hours?", "condition": "gender = 'F'" } ] },
            { "id": "ownership", "items": [ { "construct": "ownership" } ] },
            { "id": "comments", "items": [ { "id": "comment", "type": "longText", "text": "Anything else?", "required": false, "maxLength": 2000 } ] }
          ],
          "translations": { "de": { "title": "Studie", "scale": ["Nein", "Vielleicht", "Ja"],
                                    "items": { "ownership_1": "Meins.", "age": "Wie alt?" },
                                    "choices": { "gender": { "F": "Weiblich", "m": "Männlich" } },
                                    "pages": { "about-you": "Über Sie" } } }
        }
        """;

    [Fact]
    public void Reads_flat_page_entries_as_constructs_or_questions()
    {
        var instrument = InstrumentJson.Deserialize(WithPages);

        var pages = instrument.Pages!;
        Assert.Equal(["about-you", "ownership", "comments"], pages.Select(p => p.Id));
        Assert.Equal([1], pages[0].Waves!);
        var age = pages[0].Items[0].Question!;
        Assert.Null(pages[0].Items[0].Construct);
        Assert.Equal((QuestionType.Number, 16d, 99d, true), (age.Type, age.Min, age.Max, age.WholeNumbers));
        var gender = pages[0].Items[1].Question!;
        Assert.Equal((QuestionType.SingleChoice, false), (gender.Type, gender.Required));
        Assert.Equal([new Choice("F", "Female"), new Choice("m", "Male")], gender.Choices);
        Assert.Equal("gender = 'F'", pages[0].Items[2].Question!.Condition);
        Assert.Equal(new PageEntry("ownership", null), pages[1].Items[0]);
        Assert.Equal((QuestionType.LongText, 2000), (pages[2].Items[0].Question!.Type, pages[2].Items[0].Question!.MaxLength));
        Assert.False(instrument.Constructs[0].Items[0].Required);
        Assert.Equal(["age", "gender", "tiktok_hours", "comment"], instrument.Questions.Select(q => q.Id));
    }

    [Fact]
    public void Reads_translations_with_keys_exactly_as_written()
    {
        var de = InstrumentJson.Deserialize(WithPages).Translations!["de"];

        Assert.Equal("Studie", de.Title);
        Assert.Null(de.Introduction);
        Assert.Equal(["Nein", "Vielleicht", "Ja"], de.Scale!);
        Assert.Equal("Wie alt?", de.Items!["age"]);
        Assert.Equal("Weiblich", de.Choices!["gender"]["F"]);
        Assert.Equal("Über Sie", de.Pages!["about-you"]);
    }

    [Fact]
    public void Round_trips_pages_questions_and_translations_through_storage()
    {
        var instrument = InstrumentJson.Deserialize(WithPages);

        var json = InstrumentJson.Serialize(instrument);
        var again = InstrumentJson.Deserialize(json);

        // Records compare lists by reference, so compare the written forms, and spot-check what a lossy writer would drop.
        Assert.Equal(json, InstrumentJson.Serialize(again));
        Assert.Contains("\"construct\":\"ownership\"", json, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"singleChoice\"", json, StringComparison.Ordinal);
        Assert.Contains("\"F\":\"Weiblich\"", json, StringComparison.Ordinal);
        Assert.False(again.Pages![0].Items[1].Question!.Required);
        Assert.False(again.Constructs[0].Items[0].Required);
        Assert.Equal("Weiblich", again.Translations!["de"].Choices!["gender"]["F"]);
    }

    [Fact]
    public void Reads_an_instrument_stored_before_pages_as_one_page_of_every_construct()
    {
        var old = """
            {"id":"x","title":"T","introduction":"I","scale":{"min":1,"max":2,"labels":["a","b"]},
             "constructs":[{"id":"trust","name":"Trust","layer":"psychology","items":[{"id":"trust_1","text":"t","reversed":true}]}],"language":"en"}
            """;

        var instrument = InstrumentJson.Deserialize(old);

        Assert.Null(instrument.Pages);
        Assert.Null(instrument.Translations);
        Assert.True(instrument.Constructs[0].Items[0].Required);
        Assert.Equal(new PageEntry("trust", null), Assert.Single(Assert.Single(instrument.FormPages).Items));
    }

    [Theory]
    [InlineData("""{ "construct": "ownership", "text": "x" }""", "instrument.pages[0].items[0]")]
    [InlineData("""{ "id": "age", "type": "number", "text": "x", "colour": "red" }""", "instrument.pages[0].items[0].colour")]
    [InlineData("""{ "id": "age", "type": "Number", "text": "x" }""", "instrument.pages[0].items[0].type")]
    [InlineData("""{ "construct": 3 }""", "instrument.pages[0].items[0]")]
    [InlineData("""[ "ownership" ]""", "instrument.pages[0].items[0]")]
    public void Refuses_malformed_page_entries_naming_where(string entry, string path)
    {
        var json = WithPages.Replace("""{ "construct": "ownership" }""", entry, StringComparison.Ordinal)
            .Replace("\"pages\": [", "\"pages\": [ { \"id\": \"first\", \"items\": [ " + entry + " ] },", StringComparison.Ordinal);

        Assert.False(InstrumentJson.TryRead(json, out _, out var problems));

        var problem = Assert.Single(problems);
        Assert.StartsWith(path + ":", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_construct_entry_is_written_flat()
    {
        var json = JsonSerializer.Serialize(new PageEntry("value", null), InstrumentJson.Options);

        Assert.Equal("""{"construct":"value"}""", json);
    }
}
