using Tracker.Engine.Instruments.Conditions;
using Tracker.Engine.Responses;

namespace Tracker.Engine.Tests.Instruments;

public class DisplayConditionTests
{
    // ownership_1 is a construct item (scale); age a number question; gender single choice; platforms multiple choice.
    private static readonly ResponseAnswers Answers = new(
        new Dictionary<string, int> { ["ownership_1"] = 5 },
        new Dictionary<string, string> { ["age"] = "17.5", ["gender"] = "f", ["platforms"] = "tiktok;youtube" });

    private static bool Holds(string condition) => DisplayCondition.Parse(condition).Evaluate(Answers);

    [Theory]
    [InlineData("ownership_1 = 5", true)]
    [InlineData("ownership_1 = 4", false)]
    [InlineData("ownership_1 != 4", true)]
    [InlineData("ownership_1 ≠ 5", false)]
    [InlineData("ownership_1 < 5", false)]
    [InlineData("ownership_1 < 6", true)]
    [InlineData("ownership_1 <= 5", true)]
    [InlineData("ownership_1 ≤ 4", false)]
    [InlineData("ownership_1 > 4", true)]
    [InlineData("ownership_1 > 5", false)]
    [InlineData("ownership_1 >= 5", true)]
    [InlineData("ownership_1 ≥ 6", false)]
    [InlineData("age < 18", true)]
    [InlineData("age >= 17.5", true)]
    [InlineData("age = 17.5", true)]
    [InlineData("age > -1", true)]
    [InlineData("ownership_1 in [1, 5]", true)]
    [InlineData("ownership_1 in [1, 2]", false)]
    public void Compares_numbers_with_every_operator(string condition, bool expected)
    {
        Assert.Equal(expected, Holds(condition));
    }

    [Theory]
    [InlineData("gender = 'f'", true)]
    [InlineData("gender = 'm'", false)]
    [InlineData("gender != 'm'", true)]
    [InlineData("gender ≠ 'f'", false)]
    [InlineData("gender in ['m', 'f']", true)]
    [InlineData("gender in ['m', 'd']", false)]
    [InlineData("gender < 'z'", false)]
    public void Compares_a_single_choice_by_its_code(string condition, bool expected)
    {
        Assert.Equal(expected, Holds(condition));
    }

    [Theory]
    [InlineData("platforms = 'tiktok'", true)]
    [InlineData("platforms = 'youtube'", true)]
    [InlineData("platforms = 'instagram'", false)]
    [InlineData("platforms != 'instagram'", true)]
    [InlineData("platforms != 'tiktok'", false)]
    [InlineData("platforms in ['instagram', 'youtube']", true)]
    [InlineData("platforms in ['instagram']", false)]
    [InlineData("platforms = 'tiktok;youtube'", false)]
    public void A_multiple_choice_answer_is_each_code_chosen(string condition, bool expected)
    {
        Assert.Equal(expected, Holds(condition));
    }

    [Theory]
    [InlineData("comment = 'x'", false)]
    [InlineData("comment != 'x'", false)]
    [InlineData("hours > 0", false)]
    [InlineData("hours <= 0", false)]
    [InlineData("hours in [1, 2]", false)]
    [InlineData("not hours > 0", true)]
    public void A_comparison_on_an_unanswered_item_is_false(string condition, bool expected)
    {
        Assert.Equal(expected, Holds(condition));
    }

    [Theory]
    // not binds tighter than and, and tighter than or.
    [InlineData("gender = 'm' and age < 18 or ownership_1 = 5", true)] // (false and true) or true
    [InlineData("ownership_1 = 5 or gender = 'm' and age > 18", true)] // true or (false and false)
    [InlineData("(ownership_1 = 5 or gender = 'm') and age > 18", false)]
    [InlineData("not gender = 'm' and age > 18", false)] // (not false) and false
    [InlineData("not (gender = 'm' and age > 18)", true)]
    [InlineData("not gender = 'f' or age < 18", true)] // (not true) or true
    [InlineData("not (gender = 'f' or age < 18)", false)]
    [InlineData("not not gender = 'f'", true)]
    [InlineData("((gender = 'f'))", true)]
    [InlineData("gender='f'and(age<18)", true)]
    public void Not_binds_tighter_than_and_which_binds_tighter_than_or(string condition, bool expected)
    {
        Assert.Equal(expected, Holds(condition));
    }

    [Fact]
    public void Parses_to_a_tree_with_positions()
    {
        var root = DisplayCondition.Parse("a = 1 or not b in ['x', 'y'] and c >= 2").Root;

        var or = Assert.IsType<OrCondition>(root);
        Assert.Equal(new Comparison("a", ComparisonOperator.Equal, new ConditionValue(1, null), 0), or.Left);
        var and = Assert.IsType<AndCondition>(or.Right);
        var not = Assert.IsType<NotCondition>(and.Left);
        Assert.Equal(9, not.Position);
        var list = Assert.IsType<InList>(not.Operand);
        Assert.Equal(("b", 13), (list.Item, list.Position));
        Assert.Equal([new ConditionValue(null, "x"), new ConditionValue(null, "y")], list.Values);
        Assert.Equal(new Comparison("c", ComparisonOperator.GreaterOrEqual, new ConditionValue(2, null), 33), and.Right);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("age >", "ends too early at position 6")]
    [InlineData("age 18", "expected a comparison (=, ≠, <, ≤, >, ≥ or in) at position 5")]
    [InlineData("age = 18 gender = 'f'", "unexpected 'gender = 'f'' at position 10")]
    [InlineData("(age = 18", "expected ')' at position 10 to close the '(' at position 1")]
    [InlineData("gender = 'f", "the quote opened at position 10 is never closed")]
    [InlineData("gender = f", "expected a number or a 'quoted' code at position 10")]
    [InlineData("gender in 'f'", "expected '[' after 'in' at position 11")]
    [InlineData("gender in ['f' 'm']", "expected ',' or ']' at position 16")]
    [InlineData("age = 1.2.3", "'1.2.3' at position 7 is not a number")]
    [InlineData("and = 1", "found the word 'and'")]
    [InlineData("= 1", "expected an item id at position 1")]
    [InlineData("age == 1", "expected a number or a 'quoted' code at position 6")]
    public void Syntax_errors_name_the_position(string condition, string message)
    {
        var error = Assert.Throws<ConditionSyntaxException>(() => DisplayCondition.Parse(condition));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_not_a_stack_overflow()
    {
        var error = Assert.Throws<ConditionSyntaxException>(() => DisplayCondition.Parse(new string('(', 10_000) + "a = 1" + new string(')', 10_000)));
        Assert.Contains("nests deeper than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_condition_always_holds()
    {
        Assert.True(DisplayCondition.Holds(null, ResponseAnswers.Empty));
        Assert.False(DisplayCondition.Holds("age > 1", ResponseAnswers.Empty));
    }
}
