using Tracker.Engine.Instruments;

namespace Tracker.Engine.Tests.Instruments;

public class InstrumentLanguageTests
{
    private static readonly Instrument Study = DefaultInstrument.Instance with
    {
        Constructs = [DefaultInstrument.Instance.Constructs[0]],
        Pages =
        [
            new Page("about-you", [new PageEntry(null, new Question("gender", QuestionType.SingleChoice, "Gender?") { Choices = [new("f", "Female"), new("m", "Male")] })]) { Title = "About you" },
            new Page("items", [new PageEntry(DefaultInstrument.Instance.Constructs[0].Id, null)]),
        ],
        Translations = new Dictionary<string, InstrumentTranslation>
        {
            ["de"] = new()
            {
                Title = "Studie",
                Introduction = "Bitte antworten.",
                Scale = [.. DefaultInstrument.Instance.Scale.Labels.Select(l => "de:" + l)],
                Items = DefaultInstrument.Instance.Constructs[0].Items.ToDictionary(i => i.Id, i => "de:" + i.Text),
                Choices = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["gender"] = new Dictionary<string, string> { ["f"] = "Weiblich", ["m"] = "Männlich" } },
                Pages = new Dictionary<string, string> { ["about-you"] = "Über Sie" },
            },
        },
    };

    [Fact]
    public void Every_text_comes_from_the_translation_and_every_code_stays()
    {
        var de = Study.In("de");

        Assert.Equal(("de", "Studie", "Bitte antworten."), (de.Language, de.Title, de.Introduction));
        Assert.Equal(Study.Scale.Labels.Select(l => "de:" + l), de.Scale.Labels);
        Assert.Equal((Study.Scale.Min, Study.Scale.Max), (de.Scale.Min, de.Scale.Max));
        Assert.All(de.Items.Zip(Study.Items), pair => Assert.Equal((pair.Second.Id, "de:" + pair.Second.Text, pair.Second.Reversed), (pair.First.Id, pair.First.Text, pair.First.Reversed)));
        Assert.Equal("Über Sie", de.Pages![0].Title);
        Assert.Null(de.Pages[1].Title);
        var gender = de.Questions.Single();
        Assert.Equal([new Choice("f", "Weiblich"), new Choice("m", "Männlich")], gender.Choices);
        Assert.Null(de.Translations);
    }

    [Fact]
    public void The_instruments_own_language_and_an_unknown_one_give_the_base_texts()
    {
        Assert.Same(Study, Study.In("en"));
        Assert.Same(Study, Study.In("fr"));
        Assert.Equal("Studie", Study.In("DE").Title);
    }
}
