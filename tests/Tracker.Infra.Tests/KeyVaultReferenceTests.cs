using Tracker.Infra.Tests.Infrastructure;
using Tracker.Engine.Configuration;
using Tracker.Engine.Links;

namespace Tracker.Infra.Tests;

/// <summary>What the worker says when a Key Vault reference did not resolve, and the key ids Bicep and the app both accept.</summary>
public sealed class KeyVaultReferenceTests
{
    private static readonly string Key = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 1)).ToArray());

    [Fact]
    public void An_unresolved_link_key_reference_is_named_as_one()
    {
        // What App Service leaves in the setting when it cannot fetch the secret.
        var options = new LinkOptions { ActiveKeyId = "k1", Keys = { ["k1"] = "@Microsoft.KeyVault(SecretUri=https://kv-tracker-abc.vault.azure.net/secrets/link-key-k1)" } };

        var result = new LinkOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains("Links:Keys:k1", failure, StringComparison.Ordinal);
        Assert.Contains("the Key Vault reference did not resolve", failure, StringComparison.Ordinal);
        Assert.Contains("Key Vault Secrets User", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("base64", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_longest_key_id_bicep_accepts_is_the_longest_the_app_accepts()
    {
        var build = await BicepCli.BuildMainAsync();
        var maxLength = build.Arm.Parameters?["linkActiveKeyId"]?["maxLength"]?.GetValue<int>();
        Assert.NotNull(maxLength);

        var longest = new string('k', maxLength.Value);
        var tooLong = new string('k', maxLength.Value + 1);
        var validator = new LinkOptionsValidator();

        Assert.True(validator.Validate(null, new LinkOptions { ActiveKeyId = longest, Keys = { [longest] = Key } }).Succeeded, $"the app refuses a {maxLength}-character key id that Bicep accepts");
        Assert.False(validator.Validate(null, new LinkOptions { ActiveKeyId = tooLong, Keys = { [tooLong] = Key } }).Succeeded, $"the app accepts {maxLength + 1} characters: Bicep could allow them too");
    }
}
