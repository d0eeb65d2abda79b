using System.Text.Json;
using Tracker.Engine.Instruments;

namespace Tracker.Engine.Tests.Instruments;

public class InstrumentShapeTests
{
    private static List<string> Problems(string json)
    {
        var problems = new List<string>();
        using var document = JsonDocument.Parse(json);
        InstrumentShape.Check(document.RootElement, "instrument", problems);
        return problems;
    }

    [Fact]
    public void Reports_every_unknown_property_and_wrong_type_at_once_by_path()
    {
        var problems = Problems("""
            { "id": "x", "titel": "T", "scale": { "min": 1.5, "max": 3, "labels": "a" },
              "constructs": [ { "id": "c", "items": [ { "id": "c_1", "text": "t", "reverse": true } ] } ],
              "pages": [ { "id": "p", "items": [ { "construct": "c", "text": "no" },
                                                 { "id": "q", "text": "Q?", "colour": "red", "required": "yes", "waves": [1, "2"] },
                                                 { "id": "r", "type": "number", "text": "R?", "min": "1" } ] } ],
              "translations": { "de": { "items": { "q": 3 }, "pages": [] } } }
            """);

        Assert.Equal(
            [
                "instrument.titel: is not a known property here (known: id, title, introduction, language, scale, constructs, pages, translations; names are camelCase)",
                "instrument.scale.min: must be a whole number",
                "instrument.scale.labels: must be a list [ … ]",
                "instrument.constructs[0].items[0].reverse: is not a known property here (known: id, text, reversed, required; names are camelCase)",
                "instrument.pages[0].items[0].text: is not a known property here (known: construct; names are camelCase)",
                "instrument.pages[0].items[1].colour: is not a known property here (known: id, type, text, required, choices, min, max, integer, maxLength, waves, condition; names are camelCase)",
                "instrument.pages[0].items[1].required: must be true or false",
                "instrument.pages[0].items[1].waves[1]: must be a whole number",
                "instrument.pages[0].items[1].type: is required",
                "instrument.pages[0].items[2].min: must be a number",
                "instrument.translations.de.items.q: must be a string",
                "instrument.translations.de.pages: must be an object { … }",
            ],
            problems);
    }

    [Fact]
    public void A_property_given_twice_is_refused()
    {
        Assert.Equal(["instrument.title: is given twice"], Problems("""{ "title": "a", "title": "b" }"""));
    }
}
