using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Tracker.Engine.Configuration;
using Tracker.Engine.Links;
using Tracker.Engine.Summaries;

namespace Tracker.Engine.Tests.Links;

/// <summary>
/// Rotation for every kind of link: after the active key changes, links signed with the old key verify as long as it
/// is configured (an opt-out link lives a year past the panel, an unsubscribe link forever), new links name the new
/// key, and removing a key (after a leak) invalidates exactly the links it signed.
/// </summary>
public sealed class KeyRotationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Now);
    private readonly LinkOptions options = new() { ActiveKeyId = "k1", Keys = { ["k1"] = NewKey() } };

    [Theory]
    [InlineData(LinkPurpose.Survey)]
    [InlineData(LinkPurpose.OptOut)]
    public void Participant_links_of_each_kind_survive_a_rotation_and_die_with_their_key(LinkPurpose purpose)
    {
        var signer = new LinkSigner(new FixedLinkOptions(options), clock);
        var old = signer.Sign(new LinkToken("pabc", "participant1", 1, Now.AddDays(400), purpose));
        Rotate();
        var fresh = signer.Sign(new LinkToken("pabc", "participant1", 2, Now.AddDays(400), purpose));

        clock.Advance(TimeSpan.FromDays(300));
        Assert.Equal(LinkVerificationStatus.Valid, signer.Verify(old, purpose).Status);
        Assert.Equal(LinkVerificationStatus.Valid, signer.Verify(fresh, purpose).Status);
        Assert.NotEqual(old[..old.IndexOf('.')], fresh[..fresh.IndexOf('.')]);

        options.Keys.Remove("k1");
        Assert.Equal(LinkVerificationStatus.Invalid, signer.Verify(old, purpose).Status);
        Assert.Equal(LinkVerificationStatus.Valid, signer.Verify(fresh, purpose).Status);
    }

    [Fact]
    public void Summary_unsubscribe_links_survive_a_rotation_and_die_with_their_key()
    {
        var signer = new SubscriptionSigner(new FixedLinkOptions(options));
        var recipient = SummaryLedger.RecipientKey("stakeholder@example.org");
        var old = signer.Sign(new SubscriptionToken("pabc", recipient));
        Rotate();
        var fresh = signer.Sign(new SubscriptionToken("pabc", recipient));

        var oldClaim = signer.Verify(old);
        Assert.NotNull(oldClaim);
        Assert.Equal("k1", oldClaim.KeyId);
        Assert.True(signer.Names(oldClaim, recipient));
        Assert.Equal("k2", signer.Verify(fresh)!.KeyId);
        Assert.True(signer.Names(signer.Verify(fresh)!, recipient));

        options.Keys.Remove("k1");
        Assert.Null(signer.Verify(old));
        Assert.False(signer.Names(oldClaim, recipient));
        Assert.NotNull(signer.Verify(fresh));
    }

    private void Rotate()
    {
        options.Keys["k2"] = NewKey();
        options.ActiveKeyId = "k2";
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
