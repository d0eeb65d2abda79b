using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Tracker.Engine.Configuration;
using Tracker.Engine.Links;

namespace Tracker.Engine.Tests.Links;

/// <summary>The purpose inside a participant token: signed, checked by the route's expectation, and absent from version-1 tokens.</summary>
public sealed class LinkPurposeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly LinkPurpose[] ParticipantPurposes = [LinkPurpose.Survey, LinkPurpose.OptOut];
    private readonly FakeTimeProvider clock = new(Now);
    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void A_token_verifies_only_for_the_purpose_it_was_signed_for()
    {
        var signer = Signer();
        foreach (var signed in ParticipantPurposes)
        {
            var token = signer.Sign(new LinkToken("pabc", "participant1", 2, Now.AddDays(7), signed));
            Assert.Equal(signed, signer.Verify(token).Token!.Purpose);
            foreach (var expected in Enum.GetValues<LinkPurpose>())
            {
                var verdict = signer.Verify(token, expected);
                if (expected == signed)
                {
                    Assert.Equal(LinkVerificationStatus.Valid, verdict.Status);
                }
                else
                {
                    Assert.Same(LinkVerification.Invalid, verdict);
                }
            }
        }
    }

    [Fact]
    public void An_expired_token_of_another_purpose_is_invalid_not_expired()
    {
        var signer = Signer();
        var token = signer.Sign(new LinkToken("pabc", "participant1", 1, Now.AddHours(1), LinkPurpose.OptOut));
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(LinkVerificationStatus.Expired, signer.Verify(token, LinkPurpose.OptOut).Status);
        Assert.Same(LinkVerification.Invalid, signer.Verify(token, LinkPurpose.Survey));
    }

    [Fact]
    public void A_version_1_token_without_a_purpose_is_a_survey_token()
    {
        var expires = Now.AddDays(3).ToUnixTimeSeconds();
        var legacy = Sign($"1|k1|pabc|participant1|1|{expires}");
        var signer = Signer();
        var verdict = signer.Verify(legacy, LinkPurpose.Survey);
        Assert.Equal(LinkVerificationStatus.Valid, verdict.Status);
        Assert.Equal(new LinkToken("pabc", "participant1", 1, DateTimeOffset.FromUnixTimeSeconds(expires), LinkPurpose.Survey), verdict.Token);
        Assert.True(verdict.Unpurposed);

        // The opt-out route gets it too, marked, because only its panel can tell an old opt-out link from a survey link.
        Assert.True(signer.Verify(legacy, LinkPurpose.OptOut).Unpurposed);
        Assert.False(signer.Verify(signer.Sign(new LinkToken("pabc", "participant1", 1, Now.AddDays(3))), LinkPurpose.Survey).Unpurposed);
    }

    [Theory]
    [InlineData("opt-out", "survey")]
    [InlineData("survey", "opt-out")]
    public void Rewriting_the_purpose_breaks_the_signature(string from, string to)
    {
        var signer = Signer();
        var purpose = LinkPurposes.Parse(from)!.Value;
        var token = signer.Sign(new LinkToken("pabc", "participant1", 1, Now.AddDays(7), purpose));
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.AsSpan(0, token.IndexOf('.'))));
        Assert.StartsWith($"2|k1|{from}|", payload, StringComparison.Ordinal);
        var rewritten = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.Replace($"|{from}|", $"|{to}|", StringComparison.Ordinal))) + token[token.IndexOf('.')..];
        Assert.Equal(LinkVerificationStatus.Invalid, signer.Verify(rewritten).Status);
    }

    [Theory]
    [InlineData("summary-unsubscribe")]
    [InlineData("dashboard")]
    [InlineData("")]
    [InlineData("Survey")]
    public void A_genuinely_signed_payload_with_a_purpose_participant_links_never_carry_is_invalid(string purpose) =>
        Assert.Equal(LinkVerificationStatus.Invalid, Signer().Verify(Sign($"2|k1|{purpose}|pabc|participant1|1|{Now.AddDays(3).ToUnixTimeSeconds()}")).Status);

    [Fact]
    public void Participant_links_cannot_be_signed_for_the_summary_purpose() =>
        Assert.Throws<ArgumentException>(() => Signer().Sign(new LinkToken("pabc", "participant1", 1, Now.AddDays(1), LinkPurpose.SummaryUnsubscribe)));

    private string Sign(string payload)
    {
        var bytes = Encoding.UTF8.GetBytes(payload);
        return Base64Url.EncodeToString(bytes) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, bytes));
    }

    private LinkSigner Signer() => new(new FixedLinkOptions(new LinkOptions { ActiveKeyId = "k1", Keys = { ["k1"] = Convert.ToBase64String(key) } }), clock);
}
