using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Tracker.Engine.Configuration;
using Tracker.Engine.Dashboard;
using Tracker.Engine.Links;
using Tracker.Engine.Summaries;

namespace Tracker.Engine.Tests.Links;

/// <summary>One codec under every signed token: the same strictness for dashboard tokens as for participant links, and no kind crosses over.</summary>
public sealed class SignedTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Now);
    private readonly FixedLinkOptions links = new(new LinkOptions { ActiveKeyId = "k1", Keys = { ["k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) } });

    [Fact]
    public void A_dashboard_token_is_accepted_only_in_the_exact_spelling_it_was_issued_in()
    {
        var access = new DashboardAccess(links, clock);
        var (token, _) = access.MintSession("pabc");
        Assert.True(access.Verify(token, DashboardTokenKind.Session, "pabc"));

        // A 32-byte MAC leaves spare bits in the last base64url character: flipping one decodes to the same bytes.
        var last = token[^1];
        var sibling = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".IndexOf(last, StringComparison.Ordinal) ^ 1)];
        Assert.False(access.Verify(token[..^1] + sibling, DashboardTokenKind.Session, "pabc"));
        Assert.False(access.Verify(token + "=", DashboardTokenKind.Session, "pabc"));
    }

    [Fact]
    public void No_kind_of_token_verifies_as_another()
    {
        var access = new DashboardAccess(links, clock);
        var signer = new LinkSigner(links, clock);
        var subscriptions = new SubscriptionSigner(links);
        var participant = signer.Sign(new LinkToken("pabc", "participant1", 1, Now.AddDays(7), LinkPurpose.Survey));
        var unsubscribe = subscriptions.Sign(new SubscriptionToken("pabc", "recipient"));
        var (dashboard, _) = access.MintLink("pabc");

        Assert.Equal(LinkVerificationStatus.Invalid, signer.Verify(dashboard).Status);
        Assert.Equal(LinkVerificationStatus.Invalid, signer.Verify(unsubscribe).Status);
        Assert.Null(subscriptions.Verify(participant));
        Assert.Null(subscriptions.Verify(dashboard));
        Assert.False(access.Verify(participant, DashboardTokenKind.Link, "pabc"));
        Assert.False(access.Verify(unsubscribe, DashboardTokenKind.Link, "pabc"));
        Assert.True(access.Verify(dashboard, DashboardTokenKind.Link, "pabc"));
    }
}
