using Tracker.Engine.Forms;
using Tracker.Engine.Instruments;
using Tracker.Engine.Responses;

namespace Tracker.Engine.Tests.Forms;

public class FormFlowTests
{
    private static readonly Instrument Study = DefaultInstrument.Instance with
    {
        Pages =
        [
            new Page("about-you", [
                new PageEntry(null, new Question("platforms", QuestionType.MultipleChoice, "Which?") { Choices = [new("tiktok", "TikTok"), new("x", "X")] }),
                new PageEntry(null, new Question("tiktok_hours", QuestionType.Number, "Hours?") { Condition = "platforms in ['tiktok']" }),
                new PageEntry(null, new Question("age", QuestionType.Number, "Age?") { Waves = [1] }),
            ]) { Waves = [1, 2] },
            new Page("tiktok", [new PageEntry(null, new Question("why", QuestionType.ShortText, "Why?"))]) { Condition = "tiktok_hours >= 2" },
            new Page("constructs", [.. DefaultInstrument.Instance.Constructs.Select(c => new PageEntry(c.Id, null))]),
        ],
    };

    private static ResponseAnswers Other(params (string Id, string Value)[] answers) =>
        new(new Dictionary<string, int>(), answers.ToDictionary(a => a.Id, a => a.Value));

    [Fact]
    public void A_question_whose_condition_fails_is_hidden_and_shown_once_it_holds()
    {
        var page = Study.Pages![0];

        Assert.Equal(["platforms", "age"], FormFlow.VisibleEntries(page, 1, Other(("platforms", "x"))).Select(e => e.Question!.Id));
        Assert.Equal(["platforms", "tiktok_hours", "age"], FormFlow.VisibleEntries(page, 1, Other(("platforms", "x;tiktok"))).Select(e => e.Question!.Id));
        Assert.Equal(["platforms", "tiktok_hours"], FormFlow.VisibleEntries(page, 2, Other(("platforms", "tiktok"))).Select(e => e.Question!.Id));
    }

    [Fact]
    public void A_page_whose_condition_fails_is_left_out()
    {
        Assert.Equal(["about-you", "constructs"], FormFlow.VisiblePages(Study, 1, Other(("tiktok_hours", "1"))).Select(p => p.Id));
        Assert.Equal(["about-you", "tiktok", "constructs"], FormFlow.VisiblePages(Study, 1, Other(("tiktok_hours", "2.5"))).Select(p => p.Id));
        Assert.Equal(["constructs"], FormFlow.VisiblePages(Study, 3, Other(("tiktok_hours", "1"))).Select(p => p.Id));
    }
}
