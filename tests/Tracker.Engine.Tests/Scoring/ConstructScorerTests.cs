using Tracker.Engine.Instruments;
using Tracker.Engine.Scoring;

namespace Tracker.Engine.Tests.Scoring;

public class ConstructScorerTests
{
    private static readonly Instrument Default = DefaultInstrument.Instance;

    [Fact]
    public void Scores_every_construct_with_reverse_keys_by_hand_computation()
    {
        // willingness_3 is reverse-keyed in the default instrument; an answer of 2 counts as 8 - 2 = 6.
        var answers = Default.Items.ToDictionary(i => i.Id, _ => 4);
        answers["willingness_1"] = 7;
        answers["willingness_2"] = 5;
        answers["willingness_3"] = 2;

        var scores = ConstructScorer.Score(Default, answers);

        Assert.Equal(9, scores.Count);
        Assert.Equal((7 + 5 + 6) / 3.0, scores["willingness"]!.Value, 12);
        Assert.All(scores.Where(s => s.Key != "willingness"), s => Assert.Equal(4.0, s.Value!.Value, 12));
    }

    [Fact]
    public void Reverse_keyed_items_count_from_the_other_end()
    {
        var reversedItem = Default.Items.First(i => i.Reversed);
        var construct = Default.Constructs.Single(c => c.Items.Contains(reversedItem));
        var answers = construct.Items.ToDictionary(i => i.Id, i => i.Reversed ? 1 : 7);

        Assert.Equal(7.0, ConstructScorer.Score(Default, answers)[construct.Id]);
    }

    [Fact]
    public void Two_of_three_items_give_a_score()
    {
        var answers = new Dictionary<string, int> { ["willingness_1"] = 6, ["willingness_3"] = 3 };
        Assert.Equal((6 + 5) / 2.0, ConstructScorer.Score(Default, answers)["willingness"]);
    }

    [Fact]
    public void One_of_three_items_gives_no_score()
    {
        var answers = new Dictionary<string, int> { ["willingness_1"] = 6 };
        var scores = ConstructScorer.Score(Default, answers);

        Assert.Null(scores["willingness"]);
        Assert.Null(scores["ugc"]);
        Assert.Equal(9, scores.Count);
    }

    [Fact]
    public void Missing_answers_give_no_scores_and_unknown_ids_are_ignored()
    {
        var scores = ConstructScorer.Score(Default, new Dictionary<string, int> { ["nonsense_1"] = 4 });
        Assert.All(scores.Values, Assert.Null);
    }

    [Fact]
    public void Values_outside_the_scale_count_as_unanswered()
    {
        var answers = new Dictionary<string, int> { ["ugc_1"] = 9, ["ugc_2"] = 5, ["ugc_3"] = 0 };
        Assert.Null(ConstructScorer.Score(Default, answers)["ugc"]);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    [InlineData(5, 4)]
    [InlineData(6, 4)]
    [InlineData(20, 14)]
    public void Needs_two_thirds_of_the_items_rounded_up(int items, int needed)
    {
        Assert.Equal(needed, ConstructScorer.MinimumAnswered(items));
    }

    [Fact]
    public void Applies_the_rule_to_larger_constructs_on_other_scales()
    {
        var scale = new ResponseScale(0, 4, ["0", "1", "2", "3", "4"]);
        var construct = new Construct("c", "C", "outcome", Enumerable.Range(1, 4).Select(i => new Item($"c_{i}", "t", i == 4)).ToArray());
        var instrument = new Instrument("x", "X", "", scale, [construct]);

        var three = new Dictionary<string, int> { ["c_1"] = 4, ["c_2"] = 2, ["c_4"] = 1 };
        var two = new Dictionary<string, int> { ["c_1"] = 4, ["c_2"] = 2 };

        Assert.Equal((4 + 2 + 3) / 3.0, ConstructScorer.Score(instrument, three)["c"]);
        Assert.Null(ConstructScorer.Score(instrument, two)["c"]);
    }
}
