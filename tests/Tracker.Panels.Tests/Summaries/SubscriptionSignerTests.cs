using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tracker.Panels.Configuration;
using Tracker.Panels.Links;
using Tracker.Panels.Summaries;

namespace Tracker.Panels.Tests.Summaries;

public sealed class SubscriptionSignerTests
{
    private static readonly LinkOptions Keys = new()
    {
        ActiveKeyId = "k2",
        Keys = { ["k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), ["k2"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
    };

    [Fact]
    public void A_token_round_trips_and_carries_no_address()
    {
        var signer = new SubscriptionSigner(new Monitor(Keys));
        var key = SummaryLedger.RecipientKey("Stakeholder@Example.org");
        var token = signer.Sign(new SubscriptionToken("p23456789ab", key));
        Assert.Equal(new SubscriptionToken("p23456789ab", key), signer.Verify(token));
        Assert.DoesNotContain("example", System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token.AsSpan(0, token.IndexOf('.')))), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Every_altered_character_and_a_key_not_held_fail()
    {
        var signer = new SubscriptionSigner(new Monitor(Keys));
        var token = signer.Sign(new SubscriptionToken("p23456789ab", new string('a', 32)));
        for (var i = 0; i < token.Length; i++)
        {
            var altered = token[..i] + (token[i] == 'B' ? 'C' : 'B') + token[(i + 1)..];
            if (altered != token) Assert.Null(signer.Verify(altered));
        }

        var otherKeys = new LinkOptions { ActiveKeyId = "k2", Keys = { ["k2"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) } };
        Assert.Null(new SubscriptionSigner(new Monitor(otherKeys)).Verify(token));
        Assert.Null(signer.Verify(null));
        Assert.Null(signer.Verify(""));
        Assert.Null(signer.Verify(new string('A', 300)));
    }

    [Fact]
    public void Survey_tokens_and_summary_tokens_never_verify_as_each_other()
    {
        var monitor = new Monitor(Keys);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var links = new LinkSigner(monitor, clock);
        var summaries = new SubscriptionSigner(monitor);
        var survey = links.Sign(new LinkToken("p23456789ab", "participant23456", 1, clock.GetUtcNow().AddDays(3)));
        var summary = summaries.Sign(new SubscriptionToken("p23456789ab", "participant23456"));
        Assert.Null(summaries.Verify(survey));
        Assert.Equal(LinkVerificationStatus.Invalid, links.Verify(summary).Status);
    }

    [Fact]
    public void A_token_signed_before_a_rotation_verifies_while_its_key_is_held()
    {
        var old = new SubscriptionSigner(new Monitor(new LinkOptions { ActiveKeyId = "k1", Keys = Keys.Keys })).Sign(new SubscriptionToken("p23456789ab", "k"));
        Assert.NotNull(new SubscriptionSigner(new Monitor(Keys)).Verify(old));
    }

    private sealed class Monitor(LinkOptions value) : IOptionsMonitor<LinkOptions>
    {
        public LinkOptions CurrentValue => value;

        public LinkOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<LinkOptions, string?> listener) => null;
    }
}
