using Tracker.Engine.Email;

namespace Tracker.Engine.Tests.Email;

/// <summary>Server replies as real relays word them, with the recipient's address in every place they put it.</summary>
public sealed class SmtpReplyRedactorTests
{
    private const string Alice = "alice.smith@example.org";

    [Theory]
    [InlineData("550 5.1.1 <alice.smith@example.org>: Recipient address rejected: User unknown in virtual mailbox table")]
    [InlineData("550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. alice.smith@example.org")]
    [InlineData("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient ALICE.SMITH@EXAMPLE.ORG not found by SMTP address lookup")]
    [InlineData("550 Requested action not taken: mailbox unavailable (alice.smith@example.org)")]
    [InlineData("552 5.2.2 \"alice.smith@example.org\" Mailbox full")]
    [InlineData("550 5.7.1 <mailto:alice.smith@example.org> Message rejected by recipient policy")]
    [InlineData("550 5.1.1 alice.smith%40example.org: no such user")]
    [InlineData("550 5.1.1 alice.smith&#64;example.org: no such user")]
    [InlineData("550 5.1.1 alice.smith=40example.org: no such user")]
    [InlineData("550 5.1.1 alice.smith [at] example.org: no such user")]
    [InlineData("550 5.1.1 <alice.smith>: Recipient address rejected")]
    [InlineData("550 5.1.1 User Alice.Smith does not exist here")]
    public void The_recipients_address_does_not_survive_in_any_spelling(string reply)
    {
        var redacted = SmtpReplyRedactor.Redact(reply, Alice);

        Assert.DoesNotContain("alice", redacted, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@", redacted, StringComparison.Ordinal);
        Assert.Contains(SmtpReplyRedactor.Placeholder, redacted, StringComparison.Ordinal);
        // What the researcher needs to see stays: the code and the server's words.
        Assert.StartsWith(reply[..3], redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_address_goes_even_when_the_recipient_is_not_known()
    {
        var redacted = SmtpReplyRedactor.Redact("550 5.7.1 <bob@example.net>: relay for <carol+tag@sub.example.co.uk> denied");

        Assert.Equal("550 5.7.1 [address]: relay for [address] denied", redacted);
    }

    [Theory]
    [InlineData("451 4.7.1 Greylisted, please try again later")]
    [InlineData("550 5.7.26 This message does not pass authentication checks (SPF and DKIM both do not pass). Learn more at https://support.google.com/mail/answer/81126")]
    [InlineData("554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org")]
    [InlineData("550 5.1.1 Mailbox unavailable")]
    public void A_reply_without_an_address_is_kept_as_it_is(string reply) =>
        Assert.Equal(reply, SmtpReplyRedactor.Redact(reply, Alice));

    [Fact]
    public void A_short_local_part_alone_is_left_since_it_is_likely_an_ordinary_word()
    {
        Assert.Equal("550 5.1.1 on hold: [address] rejected", SmtpReplyRedactor.Redact("550 5.1.1 on hold: <on@example.org> rejected", "on@example.org"));
    }

    [Fact]
    public void Empty_and_null_replies_stay_empty() =>
        Assert.Equal("", SmtpReplyRedactor.Redact(null, Alice));
}
