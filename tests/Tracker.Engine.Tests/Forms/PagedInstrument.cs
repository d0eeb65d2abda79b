using Tracker.Engine.Instruments;

namespace Tracker.Engine.Tests.Forms;

/// <summary>The default instrument laid out on three pages: demographics (wave 1 only), two constructs, a comment.</summary>
internal static class PagedInstrument
{
    public static Question Age { get; } = new("age", QuestionType.Number, "How old are you?") { Min = 16, Max = 99, WholeNumbers = true };

    public static Question Platforms { get; } = new("platforms", QuestionType.MultipleChoice, "Which platforms do you use?")
    {
        Choices = [new("yt", "YouTube"), new("tiktok", "TikTok"), new("ig", "Instagram")],
    };

    public static Question Born { get; } = new("born", QuestionType.Date, "When did you join?") { Required = false };

    /// <summary>Shown in wave 2 only, though it sits on the first page: answering it in wave 1 answers a hidden question.</summary>
    public static Question Later { get; } = new("later", QuestionType.ShortText, "What changed?") { Required = false, Waves = [2] };

    public static Question Comment { get; } = new("comment", QuestionType.LongText, "Anything else?") { Required = false, MaxLength = 20 };

    public static Instrument Instance { get; } = DefaultInstrument.Instance with
    {
        Pages =
        [
            new Page("about-you", [new(null, Age), new(null, Platforms), new(null, Born), new(null, Later)]) { Title = "About you", Waves = [1, 2] },
            new Page("statements", [.. DefaultInstrument.Instance.Constructs.Select(c => new PageEntry(c.Id, null))]),
            new Page("comments", [new(null, Comment)]),
        ],
    };

    public static IEnumerable<KeyValuePair<string, string>> AllStatements(int value) =>
        DefaultInstrument.Instance.Items.Select(i => new KeyValuePair<string, string>(i.Id, value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
