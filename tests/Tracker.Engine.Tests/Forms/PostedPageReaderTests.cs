using Tracker.Engine.Forms;
using Tracker.Engine.Instruments;
using Tracker.Engine.Responses;

namespace Tracker.Engine.Tests.Forms;

public sealed class PostedPageReaderTests
{
    private static PostedPage? Read(int wave, List<string> problems, params (string Name, string Value)[] fields) =>
        PostedPageReader.Read(PagedInstrument.Instance, wave, ResponseAnswers.Empty, new PostedAnswers([.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]), problems);

    [Fact]
    public void A_page_is_read_into_the_stored_encodings()
    {
        var problems = new List<string>();
        var page = Read(1, problems, ("_page", "about-you"), ("_action", "next"), ("age", " 34 "), ("platforms", "ig"), ("platforms", "yt"), ("born", "2020-02-29"));

        Assert.Empty(problems);
        Assert.NotNull(page);
        Assert.Empty(page.Errors);
        Assert.Equal("about-you", page.Page.Id);
        Assert.Equal("34", page.Answers.Other["age"]);
        Assert.Equal("yt;ig", page.Answers.Other["platforms"]);
        Assert.Equal("2020-02-29", page.Answers.Other["born"]);
        Assert.False(page.Answers.Other.ContainsKey("later"));
    }

    [Theory]
    [InlineData("age", "abc", "whole number")]
    [InlineData("age", "34.5", "whole number")]
    [InlineData("age", "120", "from 16 to 99")]
    [InlineData("platforms", "facebook", "choose one of the options")]
    [InlineData("born", "29.02.2020", "year-month-day")]
    public void Wrong_types_and_values_out_of_range_are_errors_on_the_page(string field, string value, string message)
    {
        var problems = new List<string>();
        var fields = new List<(string, string)> { ("_page", "about-you"), ("age", "34"), ("platforms", "yt") };
        fields.RemoveAll(f => f.Item1 == field);
        fields.Add((field, value));
        var page = Read(1, problems, [.. fields]);

        Assert.Empty(problems);
        var error = Assert.Single(page!.Errors);
        Assert.Equal(field, error.ItemId);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(value, page.Typed[field]);
    }

    [Fact]
    public void Required_questions_left_empty_are_errors_and_optional_ones_are_not()
    {
        var page = Read(1, [], ("_page", "about-you"), ("age", ""), ("born", ""));

        Assert.Equal(["age", "platforms"], page!.Errors.Select(e => e.ItemId));
    }

    [Fact]
    public void An_answer_to_a_question_hidden_in_this_wave_is_an_error_not_stored()
    {
        var page = Read(1, [], ("_page", "about-you"), ("age", "34"), ("platforms", "yt"), ("later", "more time online"));

        var error = Assert.Single(page!.Errors);
        Assert.Equal(new AnswerError("later", AnswerErrorKey.HiddenQuestion), error);
        Assert.False(page.Answers.Other.ContainsKey("later"));
    }

    [Fact]
    public void The_same_question_is_shown_and_stored_in_the_wave_it_belongs_to()
    {
        var page = Read(2, [], ("_page", "about-you"), ("age", "34"), ("platforms", "yt"), ("later", "more time online"));

        Assert.Empty(page!.Errors);
        Assert.Equal("more time online", page.Answers.Other["later"]);
    }

    [Fact]
    public void A_typo_in_the_answer_a_condition_reads_does_not_refuse_the_question_it_controls()
    {
        var adultsOnly = new Question("job", QuestionType.ShortText, "What is your job?") { Condition = "age >= 18" };
        var instrument = DefaultInstrument.Instance with { Pages = [new Page("about-you", [new(null, PagedInstrument.Age), new(null, adultsOnly)])] };
        PostedPage? Post(string age)
        {
            var problems = new List<string>();
            var page = PostedPageReader.Read(instrument, 1, ResponseAnswers.Empty, new PostedAnswers([new("_page", "about-you"), new("age", age), new("job", "nurse")]), problems);
            Assert.Empty(problems);
            return page;
        }

        // "thirty" is no number, so the condition cannot hold yet: only the typo is the participant's to fix, and the
        // job is neither stored nor refused until the page comes back without it.
        var typo = Post("thirty");
        Assert.Equal(["age"], typo!.Errors.Select(e => e.ItemId));
        Assert.False(typo.Answers.Other.ContainsKey("job"));
        Assert.Equal("nurse", typo.Typed["job"]);

        var adult = Post("30");
        Assert.Empty(adult!.Errors);
        Assert.Equal("nurse", adult.Answers.Other["job"]);

        var minor = Post("16");
        Assert.Equal([new AnswerError("job", AnswerErrorKey.HiddenQuestion)], minor!.Errors);
        Assert.False(minor.Answers.Other.ContainsKey("job"));
    }

    [Theory]
    [InlineData("nowhere", "age", "34")]
    [InlineData("about-you", "ugc_1", "4")]
    [InlineData("about-you", "age", "34", "age", "35")]
    [InlineData("about-you", "_action", "sideways")]
    public void Posts_our_form_cannot_make_are_malformed(string pageId, params string[] pairs)
    {
        var problems = new List<string>();
        var fields = new List<(string, string)> { ("_page", pageId) };
        for (var i = 0; i < pairs.Length; i += 2) fields.Add((pairs[i], pairs[i + 1]));

        Assert.Null(Read(1, problems, [.. fields]));
        Assert.NotEmpty(problems);
    }

    [Fact]
    public void A_page_shown_only_in_other_waves_cannot_be_posted()
    {
        var problems = new List<string>();
        Assert.Null(Read(3, problems, ("_page", "about-you"), ("age", "34")));
        Assert.Contains("not part of this wave", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_page_form_may_leave_the_page_out_as_forms_before_pages_did()
    {
        var page = PostedPageReader.Read(DefaultInstrument.Instance, 1, ResponseAnswers.Empty, new PostedAnswers([.. PagedInstrument.AllStatements(4)]), []);

        Assert.Empty(page!.Errors);
        Assert.Equal(DefaultInstrument.Instance.Items.Count(), page.Answers.Scale.Count);
    }

    [Fact]
    public void Text_longer_than_the_question_allows_is_an_error_that_keeps_the_text()
    {
        var page = Read(1, [], ("_page", "comments"), ("comment", "line one\r\nline two is long"));

        Assert.Contains("at most 20 characters", Assert.Single(page!.Errors).Message, StringComparison.Ordinal);
        Assert.Equal("line one\r\nline two is long", page.Typed["comment"]);
    }
}
