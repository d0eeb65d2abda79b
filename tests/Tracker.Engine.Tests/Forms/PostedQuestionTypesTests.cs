using Tracker.Engine.Forms;
using Tracker.Engine.Instruments;
using Tracker.Engine.Responses;

namespace Tracker.Engine.Tests.Forms;

/// <summary>
/// Each question type, posted as a participant's page is (<see cref="PostedPageReader"/>, the path the form takes):
/// its stored encoding, its message for a bad answer, and answers to what the wave or earlier answers hide refused.
/// </summary>
public class PostedQuestionTypesTests
{
    private static readonly Construct Ownership = DefaultInstrument.Instance.Constructs.Single(c => c.Id == "ownership");

    private static readonly Page AboutYou = new("about-you",
    [
        new PageEntry(null, new Question("age", QuestionType.Number, "Age?") { Min = 16, Max = 99, WholeNumbers = true }),
        new PageEntry(null, new Question("hours", QuestionType.Number, "Hours?") { Required = false, Min = 0 }),
        new PageEntry(null, new Question("gender", QuestionType.SingleChoice, "Gender?") { Required = false, Choices = [new("f", "F"), new("m", "M")] }),
        new PageEntry(null, new Question("platforms", QuestionType.MultipleChoice, "Which?") { Choices = [new("tiktok", "TikTok"), new("insta", "Instagram"), new("yt", "YouTube")] }),
        new PageEntry(null, new Question("tiktok_hours", QuestionType.Number, "TikTok hours?") { Condition = "platforms = 'tiktok'" }),
        new PageEntry(null, new Question("born", QuestionType.Date, "Born?") { Required = false }),
        new PageEntry(null, new Question("city", QuestionType.ShortText, "City?") { Required = false, MaxLength = 10 }),
        new PageEntry(null, new Question("baseline", QuestionType.ShortText, "Only wave 1") { Required = false, Waves = [1] }),
    ]) { Waves = [1, 2] };

    private static readonly Page Items = new("items", [new PageEntry("ownership", null)]) { Condition = "age >= 18" };

    private static readonly Page Comments = new("comments", [new PageEntry(null, new Question("comment", QuestionType.LongText, "Comment?") { Required = false })]);

    private static readonly Instrument Study = DefaultInstrument.Instance with { Constructs = [Ownership], Pages = [AboutYou, Items, Comments] };

    private static List<KeyValuePair<string, string>> Fields(params (string Name, string Value)[] fields) => [.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))];

    private static AnswerParseResult Page1(int wave = 1, params (string, string)[] fields) => Posted(wave, AboutYou, ResponseAnswers.Empty, fields);

    /// <summary>The page as the form posts it (its id in <see cref="FormNavigation.PageField"/>), read with the answers already stored.</summary>
    private static AnswerParseResult Posted(int wave, Page page, ResponseAnswers stored, params (string Name, string Value)[] fields)
    {
        var problems = new List<string>();
        var posted = PostedPageReader.Read(Study, wave, stored, new PostedAnswers([new(FormNavigation.PageField, page.Id), .. Fields(fields)]), problems);
        if (posted is null) return AnswerParseResult.Malformed([.. problems]);
        Assert.Empty(problems);
        return posted.Errors.Count == 0 ? AnswerParseResult.Accepted(posted.Answers) : AnswerParseResult.Incomplete(posted.Answers, posted.Errors);
    }

    private static readonly (string, string)[] Complete = [("age", "30"), ("platforms", "yt"), ("platforms", "tiktok"), ("tiktok_hours", "2.50")];

    [Fact]
    public void Stores_each_type_in_its_encoding()
    {
        var result = Page1(1, [.. Complete, ("gender", "f"), ("born", "1990-02-28"), ("city", " Köln\r\n"), ("hours", "0"), ("baseline", "")]);

        Assert.True(result.IsAccepted, string.Join("; ", result.Errors));
        Assert.Equal(
            new Dictionary<string, string> { ["age"] = "30", ["hours"] = "0", ["gender"] = "f", ["platforms"] = "tiktok;yt", ["tiktok_hours"] = "2.5", ["born"] = "1990-02-28", ["city"] = "Köln" },
            result.Answers.Other);
        Assert.Empty(result.Answers.Scale);
    }

    [Theory]
    [InlineData("1,5", "1.5")]
    [InlineData("1.5", "1.5")]
    [InlineData("12,0", "12")]
    public void Reads_a_decimal_comma_as_the_point_many_participants_type_it_as(string typed, string stored)
    {
        var result = Page1(1, [.. Complete, ("hours", typed)]);

        Assert.True(result.IsAccepted, string.Join("; ", result.Errors));
        Assert.Equal(stored, result.Answers.Other["hours"]);
    }

    [Theory]
    [InlineData("age", "", "Please answer this question.")]
    [InlineData("age", "15", "Please enter a number from 16 to 99.")]
    [InlineData("age", "100", "Please enter a number from 16 to 99.")]
    [InlineData("age", "30.5", "Please enter a whole number from 16 to 99.")]
    [InlineData("age", "thirty", "Please enter a whole number from 16 to 99.")]
    [InlineData("age", "3e1", "Please enter a whole number from 16 to 99.")]
    [InlineData("hours", "-1", "Please enter a number of at least 0.")]
    [InlineData("hours", "1,5,0", "Please enter a number of at least 0, such as 12 or 3.5.")]
    [InlineData("gender", "x", "Please choose one of the options shown.")]
    [InlineData("born", "28.02.1990", "Please enter a date as year-month-day, such as 2027-03-31.")]
    [InlineData("born", "1990-02-30", "Please enter a date as year-month-day, such as 2027-03-31.")]
    [InlineData("city", "Castrop-Rauxel", "Your answer is 14 characters long; please shorten it to at most 10 characters.")]
    public void Each_type_has_a_clear_message_for_a_bad_answer(string field, string value, string message)
    {
        var result = Page1(1, [.. Complete.Where(f => f.Item1 != field), (field, value)]);

        Assert.Equal(AnswerParseOutcome.Incomplete, result.Outcome);
        Assert.Equal([(field, message)], result.Errors.Select(e => (e.ItemId, e.Message)));
        Assert.False(result.Answers.Other.ContainsKey(field));
        Assert.Equal("tiktok;yt", result.Answers.Other["platforms"]);
    }

    [Fact]
    public void A_required_multiple_choice_needs_a_box_ticked_and_known_codes()
    {
        Assert.Equal([("platforms", "Please choose an answer.")], Page1(1, ("age", "30")).Errors.Select(e => (e.ItemId, e.Message)));
        Assert.Equal([("platforms", "Please choose one of the options shown.")], Page1(1, ("age", "30"), ("platforms", "yt"), ("platforms", "vine")).Errors.Select(e => (e.ItemId, e.Message)));
    }

    [Fact]
    public void An_answer_to_a_question_hidden_by_its_condition_is_refused_and_not_kept()
    {
        var result = Page1(1, ("age", "30"), ("platforms", "yt"), ("tiktok_hours", "3"));

        Assert.Equal([new AnswerError("tiktok_hours", AnswerErrorKey.HiddenQuestion)], result.Errors);
        Assert.False(result.Answers.Other.ContainsKey("tiktok_hours"));

        // Hidden and left empty is simply unanswered: not required, not stored.
        Assert.True(Page1(1, ("age", "30"), ("platforms", "yt"), ("tiktok_hours", "")).IsAccepted);
    }

    [Fact]
    public void An_answer_to_a_question_not_in_this_wave_is_refused()
    {
        var result = Page1(2, [.. Complete, ("baseline", "x")]);

        Assert.Equal([new AnswerError("baseline", AnswerErrorKey.HiddenQuestion)], result.Errors);
        Assert.True(Page1(1, [.. Complete, ("baseline", "x")]).IsAccepted);
    }

    [Fact]
    public void A_page_condition_reads_the_answers_of_earlier_pages()
    {
        var items = Ownership.Items.Select(i => (i.Id, "4")).ToArray();
        var adult = new ResponseAnswers(new Dictionary<string, int>(), new Dictionary<string, string> { ["age"] = "30" });
        var minor = new ResponseAnswers(new Dictionary<string, int>(), new Dictionary<string, string> { ["age"] = "16" });

        var shown = Posted(1, Items, adult, items);
        var hidden = Posted(1, Items, minor, items);

        Assert.True(shown.IsAccepted);
        Assert.Equal(Ownership.Items.ToDictionary(i => i.Id, _ => 4), shown.Answers.Scale);

        // A page the answers hide is not part of the form: our form cannot post it, so the request is malformed.
        Assert.Equal(AnswerParseOutcome.Malformed, hidden.Outcome);
        Assert.Equal(["The page is not part of this wave's form."], hidden.Problems);
        Assert.Equal(AnswerParseOutcome.Malformed, Posted(1, Items, minor).Outcome);
    }

    [Fact]
    public void Required_construct_items_need_answers_and_optional_ones_do_not()
    {
        var optional = Study with { Constructs = [Ownership with { Items = [.. Ownership.Items.Select((i, n) => n == 0 ? i with { Required = false } : i)] }] };
        var adult = new ResponseAnswers(new Dictionary<string, int>(), new Dictionary<string, string> { ["age"] = "30" });

        var problems = new List<string>();
        var result = PostedPageReader.Read(optional, 1, adult, new PostedAnswers([new(FormNavigation.PageField, Items.Id)]), problems);

        Assert.Empty(problems);

        Assert.Equal(Ownership.Items.Skip(1).Select(i => new AnswerError(i.Id, AnswerErrorKey.ChooseAnswer)), result!.Errors);
    }

    [Theory]
    [InlineData("comment")]
    [InlineData("ownership_1")]
    [InlineData("nope")]
    public void A_field_of_another_page_or_unknown_is_malformed(string field)
    {
        var result = Page1(1, [.. Complete, (field, "1")]);

        Assert.Equal(AnswerParseOutcome.Malformed, result.Outcome);
        Assert.Equal(["A field that is not on this page was sent."], result.Problems);
    }

    [Fact]
    public void Repeating_a_single_valued_field_or_sending_more_than_any_answer_holds_is_malformed()
    {
        Assert.Equal(["Field \"age\" was sent more than once."], Page1(1, [.. Complete, ("age", "31")]).Problems);
        var huge = new string('x', PostedPageReader.MaxFieldLength + 1);
        Assert.Equal([$"Field \"city\" is longer than {PostedPageReader.MaxFieldLength} characters."], Page1(1, [.. Complete, ("city", huge)]).Problems);
    }

    [Fact]
    public void Text_over_the_question_limit_and_a_box_ticked_twice_are_errors_on_the_page()
    {
        var tooLong = Page1(1, [.. Complete, ("city", new string('x', 121))]);
        Assert.Equal(AnswerParseOutcome.Incomplete, tooLong.Outcome);
        Assert.Equal(["city"], tooLong.Errors.Select(e => e.ItemId));
        Assert.Equal(AnswerErrorKey.TextTooLong, tooLong.Errors[0].Key);

        var twice = Page1(1, [.. Complete, ("platforms", "insta"), ("platforms", "yt")]);
        Assert.Equal([new AnswerError("platforms", AnswerErrorKey.UnknownChoice)], twice.Errors);
    }

    [Fact]
    public void Long_text_is_kept_with_its_line_breaks_and_trimmed()
    {
        var result = Posted(1, Comments, ResponseAnswers.Empty, ("comment", "  first\r\nsecond\r\n "));

        Assert.Equal("first\nsecond", result.Answers.Other["comment"]);
        Assert.Equal(AnswerParser.DefaultLongTextLength, AnswerParser.MaxLength(Comments.Items[0].Question!));
    }

    [Fact]
    public void The_whole_form_is_type_checked_in_order_by_the_parser()
    {
        var items = Ownership.Items.Select(i => (i.Id, "5"));
        var result = AnswerParser.Parse(Study, Fields([.. Complete, .. items, ("comment", "ok")]));

        Assert.True(result.IsAccepted, string.Join("; ", result.Errors));
        Assert.Equal(3, result.Answers.Scale.Count);
        Assert.Equal("ok", result.Answers.Other["comment"]);
    }
}
