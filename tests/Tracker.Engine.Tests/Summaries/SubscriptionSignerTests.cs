using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tracker.Engine.Configuration;
using Tracker.Engine.Links;
using Tracker.Engine.Summaries;

namespace Tracker.Engine.Tests.Summaries;

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
        var claim = signer.Verify(token);
        Assert.NotNull(claim);
        Assert.Equal(("p23456789ab", "k2"), (claim.PanelId, claim.KeyId));
        Assert.True(signer.Names(claim, key));
        Assert.False(signer.Names(claim, SummaryLedger.RecipientKey("other@example.org")));
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

    [Fact]
    public void A_token_holds_a_keyed_proof_not_the_unkeyed_hash_of_the_address()
    {
        var signer = new SubscriptionSigner(new Monitor(Keys));
        var address = "stakeholder@example.org";
        var key = SummaryLedger.RecipientKey(address);
        var token = signer.Sign(new SubscriptionToken("p23456789ab", key));
        var payload = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token.AsSpan(0, token.IndexOf('.'))));
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(address));
        Assert.DoesNotContain(key[..12], payload, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToHexString(hash)[..12], payload, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(System.Buffers.Text.Base64Url.EncodeToString(hash)[..12], payload, StringComparison.Ordinal);
        Assert.StartsWith("s2|k2|summary-unsubscribe|p23456789ab|", payload, StringComparison.Ordinal);

        // The same recipient of another panel gets an unrelated proof: one token cannot be matched against another.
        var other = signer.Sign(new SubscriptionToken("pother56789", key));
        var otherPayload = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(other.AsSpan(0, other.IndexOf('.'))));
        Assert.NotEqual(payload[(payload.LastIndexOf('|') + 1)..], otherPayload[(otherPayload.LastIndexOf('|') + 1)..]);
    }

    [Fact]
    public void A_first_version_token_with_the_recipient_key_in_clear_still_verifies_and_names_its_recipient()
    {
        var key = SummaryLedger.RecipientKey("stakeholder@example.org");
        var payload = System.Text.Encoding.UTF8.GetBytes($"s1|k1|p23456789ab|{key}");
        var mac = HMACSHA256.HashData(HMACSHA256.HashData(Convert.FromBase64String(Keys.Keys["k1"]), "tracker/summary-unsubscribe/v1"u8.ToArray()), payload);
        var legacy = System.Buffers.Text.Base64Url.EncodeToString(payload) + "." + System.Buffers.Text.Base64Url.EncodeToString(mac);
        var signer = new SubscriptionSigner(new Monitor(Keys));
        var claim = signer.Verify(legacy);
        Assert.NotNull(claim);
        Assert.True(signer.Names(claim, key));
        Assert.False(signer.Names(claim, SummaryLedger.RecipientKey("other@example.org")));
    }

    private sealed class Monitor(LinkOptions value) : IOptionsMonitor<LinkOptions>
    {
        public LinkOptions CurrentValue => value;

        public LinkOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<LinkOptions, string?> listener) => null;
    }
}
