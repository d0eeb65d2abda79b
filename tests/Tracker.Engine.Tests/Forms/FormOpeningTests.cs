using Microsoft.Extensions.Time.Testing;
using Tracker.Engine.Configuration;
using Tracker.Engine.Forms;
using Tracker.Engine.Instruments;
using Tracker.Engine.Tests.Links;

namespace Tracker.Engine.Tests.Forms;

/// <summary>The form's opened-at stamp: the time to submit comes from it, and only a genuine stamp for this very form gives one.</summary>
public sealed class FormOpeningTests
{
    private static readonly LinkOptions Options = new() { ActiveKeyId = "k1", Keys = { ["k1"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)i).ToArray()) } };

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero).AddTicks(1234));

    private FormOpening Opening(LinkOptions? options = null) => new(new FixedLinkOptions(options ?? Options), clock);

    [Fact]
    public void The_seconds_to_submit_are_the_time_between_serving_the_form_and_the_submission()
    {
        var stamp = Opening().Issue("pABC", "participant1", 2);
        clock.Advance(TimeSpan.FromSeconds(93.5));

        Assert.Equal(93.5, Opening().SecondsToSubmit(stamp, "pABC", "participant1", 2, clock.GetUtcNow()));
    }

    [Fact]
    public void A_stamp_for_another_form_a_forged_one_or_one_from_the_future_gives_no_time()
    {
        var opening = Opening();
        var stamp = opening.Issue("pABC", "participant1", 2)!;
        var now = clock.GetUtcNow().AddMinutes(5);

        Assert.Null(opening.SecondsToSubmit(stamp, "pABC", "participant2", 2, now));
        Assert.Null(opening.SecondsToSubmit(stamp, "pABC", "participant1", 3, now));
        Assert.Null(opening.SecondsToSubmit(stamp, "pXYZ", "participant1", 2, now));
        Assert.Null(opening.SecondsToSubmit(stamp[..^2] + (stamp[^2] == 'A' ? "BA" : "AA"), "pABC", "participant1", 2, now));
        Assert.Null(opening.SecondsToSubmit(null, "pABC", "participant1", 2, now));
        Assert.Null(opening.SecondsToSubmit("not-a-stamp", "pABC", "participant1", 2, now));
        Assert.Null(opening.SecondsToSubmit(stamp, "pABC", "participant1", 2, clock.GetUtcNow().AddSeconds(-1)));

        // Signed with another key: not ours.
        var other = Opening(new LinkOptions { ActiveKeyId = "k1", Keys = { ["k1"] = Convert.ToBase64String(new byte[32]) } }).Issue("pABC", "participant1", 2);
        Assert.Null(opening.SecondsToSubmit(other, "pABC", "participant1", 2, now));
    }

    [Fact]
    public void A_survey_link_token_does_not_pass_as_a_stamp()
    {
        var signer = new Tracker.Engine.Links.LinkSigner(new FixedLinkOptions(Options), clock);
        var link = signer.Sign(new Tracker.Engine.Links.LinkToken("pABC", "participant1", 2, clock.GetUtcNow().AddDays(1), Tracker.Engine.Links.LinkPurpose.Survey));

        Assert.Null(Opening().OpenedAt(link, "pABC", "participant1", 2));
    }

    [Fact]
    public void The_parser_reads_the_stamp_as_no_answer_but_refuses_it_twice()
    {
        var instrument = DefaultInstrument.Instance;
        var answers = instrument.Items.Select(i => new KeyValuePair<string, string>(i.Id, "4")).ToList();

        var once = AnswerParser.Parse(instrument, new PostedAnswers([.. answers, new(FormOpening.FieldName, "x.y")]));
        var twice = AnswerParser.Parse(instrument, new PostedAnswers([.. answers, new(FormOpening.FieldName, "x.y"), new(FormOpening.FieldName, "x.y")]));

        Assert.True(once.IsAccepted);
        Assert.Equal(instrument.Items.Count(), once.Answers.Scale.Count);
        Assert.Equal(AnswerParseOutcome.Malformed, twice.Outcome);
        Assert.Equal("x.y", FormOpening.Posted(new PostedAnswers([.. answers, new(FormOpening.FieldName, "x.y")])));
    }
}
