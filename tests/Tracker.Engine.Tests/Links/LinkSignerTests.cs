using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tracker.Engine.Configuration;
using Tracker.Engine.Links;

namespace Tracker.Engine.Tests.Links;

public sealed class LinkSignerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Now);
    private readonly LinkOptions options = new() { ActiveKeyId = "k1", Keys = { ["k1"] = NewKey() } };

    [Fact]
    public void A_signed_token_verifies_to_what_was_signed()
    {
        var signer = Signer();
        var token = new LinkToken("pabc", "participant1", 3, Now.AddDays(7));
        var verified = signer.Verify(signer.Sign(token));
        Assert.Equal(LinkVerificationStatus.Valid, verified.Status);
        Assert.Equal(token, verified.Token);
    }

    [Fact]
    public void Every_single_character_change_is_refused()
    {
        var signer = Signer();
        var token = signer.Sign(new LinkToken("pabc", "participant1", 1, Now.AddDays(7)));
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        for (var i = 0; i < token.Length; i++)
        {
            var replacement = alphabet[(alphabet.IndexOf(token[i], StringComparison.Ordinal) + 1) % alphabet.Length];
            var mutated = token[..i] + replacement + token[(i + 1)..];
            Assert.NotEqual(LinkVerificationStatus.Valid, signer.Verify(mutated).Status);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("abc")]
    [InlineData("abc.def.ghi")]
    [InlineData("!!!.???")]
    public void Garbage_is_invalid_not_an_exception(string presented) =>
        Assert.Equal(LinkVerificationStatus.Invalid, Signer().Verify(presented).Status);

    [Fact]
    public void A_token_signed_with_another_secret_is_invalid()
    {
        var other = new LinkSigner(Monitor(new LinkOptions { ActiveKeyId = "k1", Keys = { ["k1"] = NewKey() } }), clock);
        var forged = other.Sign(new LinkToken("pabc", "participant1", 1, Now.AddDays(7)));
        Assert.Equal(LinkVerificationStatus.Invalid, Signer().Verify(forged).Status);
    }

    [Fact]
    public void A_token_expires_at_its_expiry_instant()
    {
        var signer = Signer();
        var token = signer.Sign(new LinkToken("pabc", "participant1", 1, Now.AddHours(1)));
        clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        Assert.Equal(LinkVerificationStatus.Valid, signer.Verify(token).Status);
        clock.Advance(TimeSpan.FromSeconds(1));
        var expired = signer.Verify(token);
        Assert.Equal(LinkVerificationStatus.Expired, expired.Status);
        Assert.Equal("participant1", expired.Token!.ParticipantId);
    }

    [Fact]
    public void After_rotation_old_links_verify_while_their_key_is_kept_and_new_links_use_the_new_key()
    {
        var signer = Signer();
        var old = signer.Sign(new LinkToken("pabc", "participant1", 1, Now.AddDays(7)));
        options.Keys["k2"] = NewKey();
        options.ActiveKeyId = "k2";
        var fresh = signer.Sign(new LinkToken("pabc", "participant1", 2, Now.AddDays(14)));

        Assert.Equal(LinkVerificationStatus.Valid, signer.Verify(old).Status);
        Assert.Equal(LinkVerificationStatus.Valid, signer.Verify(fresh).Status);

        options.Keys.Remove("k1");
        Assert.Equal(LinkVerificationStatus.Invalid, signer.Verify(old).Status);
        Assert.Equal(LinkVerificationStatus.Valid, signer.Verify(fresh).Status);
    }

    [Fact]
    public void The_key_id_cannot_be_swapped_to_another_configured_key()
    {
        options.Keys["k2"] = NewKey();
        var signer = Signer();
        var token = signer.Sign(new LinkToken("pabc", "participant1", 1, Now.AddDays(7)));
        var payload = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token.AsSpan(0, token.IndexOf('.'))));
        var swapped = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload.Replace("|k1|", "|k2|", StringComparison.Ordinal)))
            + token[token.IndexOf('.')..];
        Assert.Equal(LinkVerificationStatus.Invalid, signer.Verify(swapped).Status);
    }

    [Fact]
    public void The_options_validator_refuses_short_missing_and_non_base64_keys()
    {
        var validator = new LinkOptionsValidator();
        Assert.True(validator.Validate(null, options).Succeeded);
        Assert.False(validator.Validate(null, new LinkOptions { ActiveKeyId = "k1", Keys = { ["k1"] = Convert.ToBase64String(new byte[16]) } }).Succeeded);
        Assert.False(validator.Validate(null, new LinkOptions { ActiveKeyId = "k9", Keys = { ["k1"] = NewKey() } }).Succeeded);
        Assert.False(validator.Validate(null, new LinkOptions { ActiveKeyId = "k1", Keys = { ["k1"] = "not base64!" } }).Succeeded);
    }

    private LinkSigner Signer() => new(Monitor(options), clock);

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static IOptionsMonitor<LinkOptions> Monitor(LinkOptions value) => new FixedLinkOptions(value);
}
