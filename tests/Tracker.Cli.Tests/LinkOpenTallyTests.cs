using Tracker.Cli.Bench;

namespace Tracker.Cli.Tests;

/// <summary>The ingest bench counts an open as served only when the answer is the form, so a refusal page cannot pass for one.</summary>
public sealed class LinkOpenTallyTests
{
    [Fact]
    public void Only_a_200_carrying_the_form_counts_as_served()
    {
        var tally = new LinkOpenTally();
        tally.Record(200, "<html><body><form method=\"post\">…</form></body></html>");
        tally.Record(200, "<html><body><p>This study has ended.</p></body></html>");
        tally.Record(410, "<html><body><form>a stray form on a refusal</form></body></html>");
        tally.RecordTransportError();

        var result = new LinkOpenResult(Phase(), Phase(), tally.StatusCounts(), tally.FormsServed, tally.TransportErrors);

        Assert.Equal(1, tally.FormsServed);
        Assert.Equal(2, tally.StatusCounts()[200]);
        Assert.Equal(1, tally.StatusCounts()[410]);
        Assert.False(result.EveryFormServed);
    }

    [Fact]
    public void Every_open_served_when_each_answer_was_the_form()
    {
        var tally = new LinkOpenTally();
        for (var i = 0; i < 3; i++) tally.Record(200, "<FORM action=\"/api/s/x\"></FORM>");

        Assert.True(new LinkOpenResult(Phase(), Phase(), tally.StatusCounts(), tally.FormsServed, tally.TransportErrors).EveryFormServed);
    }

    private static PhaseResult Phase() => new(1, TimeSpan.FromSeconds(1), 1, 1, 1, 1);
}
