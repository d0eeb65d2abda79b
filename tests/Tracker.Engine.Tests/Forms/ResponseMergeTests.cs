using Tracker.Engine.Forms;
using Tracker.Engine.Responses;

namespace Tracker.Engine.Tests.Forms;

public sealed class ResponseMergeTests
{
    private static readonly Tracker.Engine.Instruments.Instrument Instrument = PagedInstrument.Instance;

    [Fact]
    public void Saving_a_page_keeps_the_answers_of_the_other_pages_and_replaces_its_own()
    {
        var stored = new ResponseAnswers(PagedInstrument.AllStatements(4).ToDictionary(p => p.Key, p => int.Parse(p.Value, System.Globalization.CultureInfo.InvariantCulture)), new Dictionary<string, string> { ["age"] = "30", ["born"] = "2020-01-01" });
        var posted = new ResponseAnswers(new Dictionary<string, int>(), new Dictionary<string, string> { ["age"] = "31", ["platforms"] = "yt" });

        var merged = ResponseMerge.Merge(Instrument, 1, stored, Instrument.FormPages[0], posted);

        Assert.Equal(stored.Scale, merged.Scale);
        Assert.Equal(new Dictionary<string, string> { ["age"] = "31", ["platforms"] = "yt" }, merged.Other);
    }

    [Fact]
    public void Answers_to_entries_no_longer_shown_are_dropped()
    {
        // Stored in wave 2's terms (the "later" question); saved in wave 3, where the whole first page is hidden.
        var stored = new ResponseAnswers(new Dictionary<string, int>(), new Dictionary<string, string> { ["age"] = "30", ["later"] = "x" });
        var posted = new ResponseAnswers(new Dictionary<string, int>(), new Dictionary<string, string> { ["comment"] = "fine" });

        var merged = ResponseMerge.Merge(Instrument, 3, stored, Instrument.FormPages[2], posted);

        Assert.Equal(new Dictionary<string, string> { ["comment"] = "fine" }, merged.Other);
    }

    [Fact]
    public void A_construct_has_a_score_only_once_all_its_items_are_answered()
    {
        var construct = Instrument.Constructs[0];
        var answers = construct.Items.Skip(1).ToDictionary(i => i.Id, _ => 5);

        Assert.Null(ResponseMerge.Scores(Instrument, answers)[construct.Id]);
        answers[construct.Items[0].Id] = 5;
        Assert.NotNull(ResponseMerge.Scores(Instrument, answers)[construct.Id]);
    }

    [Fact]
    public void The_first_unfinished_page_names_what_is_missing()
    {
        var answers = new ResponseAnswers(new Dictionary<string, int>(), new Dictionary<string, string> { ["age"] = "30", ["platforms"] = "yt" });

        var unfinished = ResponseMerge.FirstUnfinished(Instrument, 1, answers);

        Assert.Equal("statements", unfinished!.Value.Page.Id);
        Assert.Equal(Instrument.Items.Count(), unfinished.Value.Errors.Count);
    }
}
