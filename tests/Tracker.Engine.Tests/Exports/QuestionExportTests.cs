using Tracker.Engine.Exports;
using Tracker.Engine.Instruments;

namespace Tracker.Engine.Tests.Exports;

public class QuestionExportTests
{
    private static readonly Construct Ownership = DefaultInstrument.Instance.Constructs.Single(c => c.Id == "ownership");

    private static readonly Instrument Study = DefaultInstrument.Instance with
    {
        Translations = null,
        Constructs = [Ownership],
        Pages =
        [
            new Page("about-you", [
                new PageEntry(null, new Question("age", QuestionType.Number, "Age?") { Min = 16, Max = 99, WholeNumbers = true }),
                new PageEntry(null, new Question("gender", QuestionType.SingleChoice, "Gender?") { Required = false, Choices = [new("f", "Female"), new("m", "Male \"M\"")] }),
                new PageEntry(null, new Question("platforms", QuestionType.MultipleChoice, "Which?") { Choices = [new("tiktok", "TikTok"), new("yt", "YouTube")] }),
                new PageEntry(null, new Question("born", QuestionType.Date, "Born?") { Condition = "age < 30" }),
            ]) { Waves = [1], Title = "About you" },
            new Page("items", [new PageEntry("ownership", null)]),
            new Page("comments", [new PageEntry(null, new Question("comment", QuestionType.LongText, "Comment?") { Required = false })]),
        ],
    };

    [Fact]
    public async Task The_items_export_holds_every_item_and_question_in_form_order_as_stored()
    {
        var panel = ExportSamples.Panel(instrument: Study);
        var response = ExportSamples.Response("aaaaaaaaaaaaaaaa", 1, 4, TimeSpan.Zero, Study) with
        {
            Other = new Dictionary<string, string> { ["age"] = "-3", ["gender"] = "m", ["platforms"] = "tiktok;yt", ["comment"] = "=1+1" },
        };
        await using var writer = new StringWriter();

        await ItemsExportWriter.WriteAsync(new InMemoryResponseSource([response]), panel, writer, CancellationToken.None);

        var rows = ExportSamples.ReadCsv(writer.ToString());
        Assert.Equal(["participant_id", "wave", "days", "submitted_at", "age", "gender", "platforms", "born", "ownership_1", "ownership_2", "ownership_3", "comment"], rows[0][..12]);
        Assert.Equal(["-3", "m", "tiktok;yt", "", "4", "4", "4", "'=1+1"], rows[1][4..12]);
    }

    [Fact]
    public void The_codebook_lists_each_questions_type_page_waves_condition_and_choices()
    {
        var codebook = Codebook.For(ExportSamples.Panel(instrument: Study) with { Languages = ["en", "de"] }, ExportSamples.Start);

        var born = codebook.Instrument.Questions.Single(q => q.Id == "born");
        Assert.Equal(("date", "about-you", "age < 30"), (born.Type, born.Page, born.Condition));
        Assert.Equal([1], born.Waves!);
        Assert.Equal(["f", "m"], codebook.Instrument.Questions.Single(q => q.Id == "gender").Choices.Select(c => c.Code));
        Assert.Equal(["en", "de"], codebook.Instrument.Languages);
        Assert.Equal("items", codebook.Instrument.Constructs.Single().Page);
        Assert.Contains(codebook.Files["items.csv"], c => c.Name == "born" && c.Type == "date");

        var markdown = CodebookMarkdownWriter.Render(codebook);
        Assert.Contains("| `gender` | singleChoice | `about-you` | 1 |  | no | `f` = Female; `m` = Male \"M\" |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `born` | date | `about-you` | 1 | age &lt; 30 | yes |", markdown, StringComparison.Ordinal);
        Assert.Contains("Languages: `en`, `de`", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Analysis_script_types_the_questions()
    {
        var script = AnalysisScript.Render("ownership", Study);

        Assert.Contains("items[[\"gender\"]] <- factor(items[[\"gender\"]], levels = c(\"f\", \"m\"), labels = c(\"Female\", \"Male \\\"M\\\"\"))", script, StringComparison.Ordinal);
        Assert.Contains("items[[\"platforms_tiktok\"]] <- ifelse(is.na(items[[\"platforms\"]]), NA", script, StringComparison.Ordinal);
        Assert.Contains("items[[\"age\"]] <- as.numeric(items[[\"age\"]])", script, StringComparison.Ordinal);
        Assert.Contains("items[[\"born\"]] <- as.Date(items[[\"born\"]], format = \"%Y-%m-%d\")", script, StringComparison.Ordinal);
        Assert.DoesNotContain("items.csv", AnalysisScript.Render("ownership", DefaultInstrument.Instance), StringComparison.Ordinal);
    }
}
