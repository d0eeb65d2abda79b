using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Engine.Instruments;
using Tracker.Engine.Panels;
using Tracker.Engine.Storage;

namespace Tracker.EndToEnd.Tests.Instruments;

/// <summary>Instruments with pages, questions and translations go in through the admin API and come back whole from Azurite.</summary>
[Collection(StackCollection.Name)]
public sealed class InstrumentStorageTests(StackFixture stack)
{
    private const int Constructs = 8;
    private const int ItemsPerConstruct = 10;

    [Fact]
    public async Task A_bilingual_instrument_of_eighty_items_and_questions_on_pages_is_stored_and_read_back_whole()
    {
        var definition = new JsonObject
        {
            ["name"] = "Large bilingual study",
            ["languages"] = new JsonArray("en", "de"),
            ["timeZone"] = "UTC",
            ["schedule"] = new JsonObject { ["start"] = stack.Clock.GetUtcNow().AddDays(1), ["waves"] = 3, ["interval"] = "P7D", ["window"] = "P5D" },
            ["instrument"] = LargeInstrument(),
        };

        var response = await stack.Admin.PostAsJsonAsync("api/panels", definition);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var panelId = (await response.Content.ReadFromJsonAsync<StackFixture.CreatedPanel>())!.Id;

        // Longer than one table property holds, so it really was spread over several.
        var row = await Service<TrackerStorage>().Table(StorageNames.PanelsTable).GetEntityAsync<PanelEntity>(PanelEntity.Partition, panelId);
        Assert.NotNull(row.Value.InstrumentJson2);
        Assert.InRange(InstrumentColumns.Read(row.Value).Length, InstrumentColumns.PartLength + 1, InstrumentColumns.MaxLength);

        var panel = (await Service<PanelRepository>().GetAsync(panelId, CancellationToken.None))!;
        var instrument = panel.Instrument;
        Assert.Equal(Constructs * ItemsPerConstruct, instrument.Items.Count());
        Assert.Equal(["about-you", .. Enumerable.Range(1, Constructs).Select(c => $"block{c}"), "comments"], instrument.Pages!.Select(p => p.Id));
        var about = instrument.Pages![0];
        Assert.Equal([1], about.Waves!);
        var gender = about.Items[1].Question!;
        Assert.Equal((QuestionType.SingleChoice, false), (gender.Type, gender.Required));
        Assert.Equal(["f", "m", "d"], gender.Choices.Select(c => c.Code));
        Assert.Equal("platforms in ['tiktok']", about.Items[3].Question!.Condition);
        Assert.Equal(new PageEntry("block8", null), instrument.Pages[Constructs].Items[0]);
        var de = instrument.Translations!["de"];
        Assert.Equal(ItemsPerConstruct * Constructs + 5, de.Items!.Count);
        Assert.Equal(Text("de", "block8_10"), de.Items["block8_10"]);
        Assert.Equal("Weiblich", de.Choices!["gender"]["f"]);
        Assert.Equal(InstrumentJson.Serialize(InstrumentJson.Deserialize(InstrumentJson.Serialize(instrument))), InstrumentJson.Serialize(instrument));
    }

    private T Service<T>()
        where T : notnull => stack.Stack.Host.Services.GetRequiredService<T>();

    // Long, realistic statements (two sentences each) in both languages, and umlauts so the split meets non-ASCII text.
    private static string Text(string language, string id) => language == "de"
        ? $"Aussage {id}: Ich stimme zu, dass die Gemeinschaft meine Beiträge schätzt und ich mich dort zugehörig fühle, auch über längere Zeit hinweg."
        : $"Statement {id}: I agree that the community values my contributions and that I feel I belong there, even over a longer period of time.";

    private static JsonObject Question(string id, string type, params (string Key, JsonNode? Value)[] more)
    {
        var question = new JsonObject { ["id"] = id, ["type"] = type, ["text"] = Text("en", id) };
        foreach (var (key, value) in more)
        {
            question[key] = value;
        }

        return question;
    }

    private static JsonArray Choices(params string[] codes) => [.. codes.Select(c => (JsonNode)new JsonObject { ["code"] = c, ["label"] = c.ToUpperInvariant() })];

    private static JsonObject LargeInstrument()
    {
        var constructs = new JsonArray();
        var pages = new JsonArray
        {
            new JsonObject
            {
                ["id"] = "about-you", ["title"] = "About you", ["waves"] = new JsonArray(1),
                ["items"] = new JsonArray(
                    Question("age", "number", ("min", 16), ("max", 99), ("integer", true)),
                    Question("gender", "singleChoice", ("required", false), ("choices", Choices("f", "m", "d"))),
                    Question("platforms", "multipleChoice", ("choices", Choices("tiktok", "instagram", "youtube"))),
                    Question("tiktok_hours", "number", ("condition", "platforms in ['tiktok']"))),
            },
        };
        var translatedItems = new JsonObject();
        for (var c = 1; c <= Constructs; c++)
        {
            var items = new JsonArray();
            for (var i = 1; i <= ItemsPerConstruct; i++)
            {
                var id = $"block{c}_{i}";
                items.Add(new JsonObject { ["id"] = id, ["text"] = Text("en", id), ["reversed"] = i % 4 == 0 });
                translatedItems[id] = Text("de", id);
            }

            constructs.Add(new JsonObject { ["id"] = $"block{c}", ["name"] = $"Block {c}", ["layer"] = "psychology", ["items"] = items });
            pages.Add(new JsonObject { ["id"] = $"block{c}", ["items"] = new JsonArray(new JsonObject { ["construct"] = $"block{c}" }) });
        }

        pages.Add(new JsonObject { ["id"] = "comments", ["items"] = new JsonArray(Question("comment", "longText", ("required", false), ("maxLength", 2000))) });
        foreach (var id in new[] { "age", "gender", "platforms", "tiktok_hours", "comment" })
        {
            translatedItems[id] = Text("de", id);
        }

        return new JsonObject
        {
            ["id"] = "large", ["title"] = "A large study", ["introduction"] = "Please answer every page.", ["language"] = "en",
            ["scale"] = new JsonObject { ["min"] = 1, ["max"] = 5, ["labels"] = new JsonArray("1", "2", "3", "4", "5") },
            ["constructs"] = constructs,
            ["pages"] = pages,
            ["translations"] = new JsonObject
            {
                ["de"] = new JsonObject
                {
                    ["title"] = "Eine große Studie", ["introduction"] = "Bitte beantworten Sie jede Seite.",
                    ["scale"] = new JsonArray("1", "2", "3", "4", "5"),
                    ["items"] = translatedItems,
                    ["choices"] = new JsonObject
                    {
                        ["gender"] = new JsonObject { ["f"] = "Weiblich", ["m"] = "Männlich", ["d"] = "Divers" },
                        ["platforms"] = new JsonObject { ["tiktok"] = "TikTok", ["instagram"] = "Instagram", ["youtube"] = "YouTube" },
                    },
                    ["pages"] = new JsonObject { ["about-you"] = "Über Sie" },
                },
            },
        };
    }
}
