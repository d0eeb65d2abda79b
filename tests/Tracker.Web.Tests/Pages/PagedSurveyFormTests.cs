using Tracker.Engine.Forms;
using Tracker.Engine.Instruments;
using Tracker.Engine.Languages;
using Tracker.Engine.Panels;
using Tracker.Web.Pages;
using static Tracker.Web.Tests.Pages.HtmlInspection;

namespace Tracker.Web.Tests.Pages;

public sealed class PagedSurveyFormTests
{
    private static readonly Question Gender = new("gender", QuestionType.SingleChoice, "Gender?") { Required = false, Choices = [new("f", "Female"), new("m", "Male")] };
    private static readonly Question Platforms = new("platforms", QuestionType.MultipleChoice, "Platforms?") { Choices = [new("yt", "YouTube"), new("ig", "Instagram")] };
    private static readonly Question Age = new("age", QuestionType.Number, "Age?") { Min = 16, Max = 99, WholeNumbers = true };
    private static readonly Question Hours = new("hours", QuestionType.Number, "Hours a day?");
    private static readonly Question Town = new("town", QuestionType.ShortText, "Town?") { MaxLength = 80 };
    private static readonly Question Comment = new("comment", QuestionType.LongText, "Anything else?") { MaxLength = 2000 };
    private static readonly Question Joined = new("joined", QuestionType.Date, "Joined?");

    private static readonly Instrument Paged = DefaultInstrument.Instance with
    {
        Pages =
        [
            new Page("first", [new(DefaultInstrument.Instance.Constructs[0].Id, null)]),
            new Page("every-type", [new(null, Gender), new(null, Platforms), new(null, Age), new(null, Hours), new(null, Town), new(null, Comment), new(null, Joined)]) { Title = "About you" },
            new Page("last", [new(DefaultInstrument.Instance.Constructs[1].Id, null)]),
        ],
    };

    private static readonly string RequiredNote = ParticipantTexts.English.Fill(PageText.RequiredNote, ("optional", ParticipantTexts.English[PageText.Optional]));

    private static SurveyFormModel Model(int page) =>
        new SurveyFormModel(Paged, "Spring panel", 1, 4, "Friday 4 December 2026 at 18:00 (Europe/Berlin)", "/api/r/tok-en")
        {
            Pages = Paged.Pages!,
            Page = Paged.Pages![page - 1],
            Entries = Paged.Pages![page - 1].Items,
            Other = new Dictionary<string, string> { ["platforms"] = "yt;ig", ["age"] = "34", ["comment"] = "Fine <b>really</b>" },
        };

    [Fact]
    public void A_middle_page_shows_progress_its_page_id_back_and_next_and_the_closing_time()
    {
        var html = SurveyFormPage.Render(Model(2));

        Assert.Contains("<progress max=\"3\" value=\"2\" aria-labelledby=\"form-progress\">", html, StringComparison.Ordinal);
        Assert.Contains(">Page 2 of 3</p>", html, StringComparison.Ordinal);
        Assert.StartsWith("Page 2 of 3 – ", Title(html), StringComparison.Ordinal);
        Assert.Contains(Tags(html, "input"), i => i.GetValueOrDefault("type") == "hidden" && i.GetValueOrDefault("name") == "_page" && i.GetValueOrDefault("value") == "every-type");
        Assert.Contains("value=\"next\">Next</button>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"back\">Back</button>", html, StringComparison.Ordinal);
        Assert.Contains("Open until Friday 4 December 2026 at 18:00 (Europe/Berlin)", html, StringComparison.Ordinal);
        Assert.Contains("<h2>About you</h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_German_participant_reads_the_paged_forms_own_words_in_German()
    {
        var start = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        var panel = new Panel("pABCDEFGHJKL", "Spring panel", Paged, new WaveSchedule(start, 4, TimeSpan.FromDays(7), TimeSpan.FromDays(5)), "Europe/Berlin", start) { Languages = ["en", "de"] };
        var html = SurveyFormPage.Render(Model(2) with { Texts = PageTextCatalog.For(panel, "de") });

        Assert.Contains(">Seite 2 von 3</p>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"next\">Weiter</button>", html, StringComparison.Ordinal);
        Assert.Contains("„Weiter“", html, StringComparison.Ordinal);
        Assert.Contains("Gender?<span class=\"meta\"> (freiwillig)</span>", html, StringComparison.Ordinal);
        Assert.Contains("Jede Frage braucht eine Antwort, außer sie ist mit (freiwillig) gekennzeichnet.", html, StringComparison.Ordinal);
        foreach (var english in new[] { "(optional)", "Page 2 of 3", "Your answers are saved", "Every question needs", ">Error: <" })
        {
            Assert.DoesNotContain(english, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_page_with_questions_says_in_words_which_must_be_answered_and_a_page_of_statements_does_not()
    {
        Assert.Contains(RequiredNote, SurveyFormPage.Render(Model(2)), StringComparison.Ordinal);
        Assert.Contains("Gender?<span class=\"meta\"> (optional)</span>", SurveyFormPage.Render(Model(2)), StringComparison.Ordinal);
        Assert.DoesNotContain(RequiredNote, SurveyFormPage.Render(Model(1)), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_question_type_has_a_labelled_accessible_control_with_its_answer()
    {
        var html = SurveyFormPage.Render(Model(2));
        var labels = Tags(html, "label").Select(l => l["for"]).ToHashSet();
        var inputs = Tags(html, "input").Where(i => i.GetValueOrDefault("type") != "hidden").Concat(Tags(html, "textarea")).ToList();

        Assert.All(inputs, i => Assert.Contains(i["id"], labels));
        Assert.Equal(2, Count(html, "fieldset"));
        Assert.Equal(2, Count(html, "legend"));
        Assert.Equal(2, Tags(html, "input").Count(i => i.GetValueOrDefault("type") == "checkbox" && i.ContainsKey("checked")));
        Assert.Contains(Tags(html, "input"), i => i.GetValueOrDefault("id") == "q-age" && i.GetValueOrDefault("inputmode") == "numeric" && i.GetValueOrDefault("value") == "34" && i.GetValueOrDefault("aria-describedby") == "age-hint");
        Assert.Contains(Tags(html, "input"), i => i.GetValueOrDefault("id") == "q-hours" && i.GetValueOrDefault("inputmode") == "decimal");
        Assert.Contains(Tags(html, "input"), i => i.GetValueOrDefault("id") == "q-joined" && i.GetValueOrDefault("type") == "date");
        Assert.Contains(Tags(html, "input"), i => i.GetValueOrDefault("id") == "q-town" && i.GetValueOrDefault("maxlength") == "80");
        Assert.Contains(Tags(html, "textarea"), t => t.GetValueOrDefault("maxlength") == "2000" && t.GetValueOrDefault("aria-describedby") == "comment-hint");
        Assert.Contains("Up to 2000 characters.", html, StringComparison.Ordinal);
        Assert.Contains("Fine &lt;b&gt;really&lt;/b&gt;</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("A whole number from 16 to 99.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_on_a_question_is_linked_described_and_marked_invalid_with_422()
    {
        var model = Model(2) with { Errors = [new AnswerError("age", AnswerErrorKey.NumberFromTo, [new("min", 16), new("max", 99)])] };
        var page = SurveyFormPage.Page(model);
        var html = SurveyFormPage.Render(model);

        Assert.Equal(422, page.StatusCode);
        Assert.Contains("<a href=\"#q-age\">Age?: Please enter a number from 16 to 99.</a>", html, StringComparison.Ordinal);
        Assert.Contains(Tags(html, "input"), i => i.GetValueOrDefault("id") == "q-age" && i.GetValueOrDefault("aria-invalid") == "true" && i.GetValueOrDefault("aria-describedby") == "age-hint age-error");
    }

    [Fact]
    public void The_first_page_has_no_back_button_and_the_last_submits()
    {
        Assert.DoesNotContain(">Back</button>", SurveyFormPage.Render(Model(1)), StringComparison.Ordinal);
        var last = SurveyFormPage.Render(Model(3));
        Assert.Contains("value=\"next\">Save my answers</button>", last, StringComparison.Ordinal);
        Assert.Contains(">Back</button>", last, StringComparison.Ordinal);
    }
}
