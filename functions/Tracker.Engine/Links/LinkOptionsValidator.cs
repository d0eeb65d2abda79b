using Microsoft.Extensions.Options;
using Tracker.Engine.Configuration;

namespace Tracker.Engine.Links;

/// <summary>Refuses to start with link keys that would make tokens forgeable or unverifiable.</summary>
public sealed class LinkOptionsValidator : IValidateOptions<LinkOptions>
{
    public const int MinimumKeyBytes = 32;

    private const string KeyVaultReferencePrefix = "@Microsoft.KeyVault(";

    public ValidateOptionsResult Validate(string? name, LinkOptions options)
    {
        var problems = new List<string>();
        if (!options.Keys.ContainsKey(options.ActiveKeyId))
        {
            problems.Add($"Links:ActiveKeyId '{options.ActiveKeyId}' has no key in Links:Keys.");
        }

        foreach (var (id, value) in options.Keys)
        {
            if (id.Contains('|', StringComparison.Ordinal) || id.Length is 0 or > 32)
            {
                problems.Add($"Links:Keys:{id}: a key id is 1–32 characters without '|'.");
            }

            // In Azure a key is a Key Vault reference the platform swaps for the secret; when it cannot (the identity's role
            // has not propagated yet, or the secret is missing) the app sees the reference text itself.
            if (value?.StartsWith(KeyVaultReferencePrefix, StringComparison.OrdinalIgnoreCase) == true)
            {
                problems.Add($"Links:Keys:{id}: the Key Vault reference did not resolve: check the app's identity has Key Vault Secrets User and the reference status (docs/deploy.md).");
                continue;
            }

            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(value ?? "");
            }
            catch (FormatException)
            {
                problems.Add($"Links:Keys:{id} is not base64.");
                continue;
            }

            if (bytes.Length < MinimumKeyBytes)
            {
                problems.Add($"Links:Keys:{id} must be at least {MinimumKeyBytes} bytes of random data (base64).");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
