using Tracker.Engine.Forms;
using Tracker.Engine.Instruments;

namespace Tracker.Engine.Tests.Forms;

public class AnswerParserTests
{
    private static readonly Instrument Default = DefaultInstrument.Instance;

    private static List<KeyValuePair<string, string>> AllAnswered(int value = 4) =>
        Default.Items.Select(i => new KeyValuePair<string, string>(i.Id, value.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    [Fact]
    public void Accepts_a_complete_form()
    {
        var result = AnswerParser.Parse(Default, AllAnswered(7));

        Assert.True(result.IsAccepted);
        Assert.Equal(AnswerParseOutcome.Accepted, result.Outcome);
        Assert.Equal(27, result.Answers.Scale.Count);
        Assert.All(result.Answers.Scale.Values, v => Assert.Equal(7, v));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Missing_answers_are_422_with_an_error_per_item_and_the_valid_answers_kept()
    {
        var fields = AllAnswered(5).Where(f => f.Key is not ("ugc_2" or "willingness_3")).ToList();
        fields.Add(new("willingness_3", ""));

        var result = AnswerParser.Parse(Default, fields);

        Assert.Equal(AnswerParseOutcome.Incomplete, result.Outcome);
        Assert.Equal(AnswerParseOutcome.Incomplete, result.Outcome);
        Assert.Equal(
            [("ugc_2", "Please choose an answer for this statement."), ("willingness_3", "Please choose an answer for this statement.")],
            result.Errors.Select(e => (e.ItemId, e.Message)));
        Assert.Equal(25, result.Answers.Scale.Count);
        Assert.Equal(5, result.Answers.Scale["ugc_1"]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("8")]
    [InlineData("-1")]
    [InlineData("4.5")]
    [InlineData("four")]
    [InlineData(" 4")]
    [InlineData("0x4")]
    public void Out_of_range_or_non_numeric_answers_are_422(string value)
    {
        var fields = AllAnswered().Select(f => f.Key == "value_2" ? new KeyValuePair<string, string>(f.Key, value) : f).ToList();

        var result = AnswerParser.Parse(Default, fields);

        Assert.Equal(AnswerParseOutcome.Incomplete, result.Outcome);
        var error = Assert.Single(result.Errors);
        Assert.Equal("value_2", error.ItemId);
        Assert.Equal("Your answer must be a whole number from 1 to 7.", error.Message);
        Assert.False(result.Answers.Scale.ContainsKey("value_2"));
    }

    [Fact]
    public void Unknown_fields_are_400()
    {
        var fields = AllAnswered();
        fields.Add(new("isAdmin", "1"));

        var result = AnswerParser.Parse(Default, fields);

        Assert.Equal(AnswerParseOutcome.Malformed, result.Outcome);
        Assert.Equal(AnswerParseOutcome.Malformed, result.Outcome);
        Assert.Equal(["Unknown field \"isAdmin\"."], result.Problems);
        Assert.Empty(result.Answers.Scale);
    }

    [Fact]
    public void Duplicate_fields_are_400()
    {
        var fields = AllAnswered();
        fields.Add(new("ugc_1", "2"));

        var result = AnswerParser.Parse(Default, fields);

        Assert.Equal(AnswerParseOutcome.Malformed, result.Outcome);
        Assert.Equal(["Field \"ugc_1\" was sent more than once."], result.Problems);
    }

    [Fact]
    public void Oversized_values_are_400()
    {
        var fields = AllAnswered().Select(f => f.Key == "ugc_1" ? new KeyValuePair<string, string>(f.Key, "12345678901") : f);

        var result = AnswerParser.Parse(Default, fields);

        Assert.Equal(AnswerParseOutcome.Malformed, result.Outcome);
        Assert.Equal(["Field \"ugc_1\" is longer than 10 characters."], result.Problems);
    }

    [Fact]
    public void Hostile_field_names_are_shortened_in_problems()
    {
        var result = AnswerParser.Parse(Default, [new(new string('x', 500) + "\r\n", "1")]);

        var problem = Assert.Single(result.Problems);
        Assert.True(problem.Length < 80, problem);
        Assert.DoesNotContain('\n', problem);
    }
}
