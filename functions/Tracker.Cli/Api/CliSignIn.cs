using Azure.Core;
using Azure.Identity;

namespace Tracker.Cli.Api;

/// <summary>
/// <c>--sign-in</c>: an Entra ID access token for the app, from the Azure CLI's signed-in account if there is one, else
/// a device code (the code and URL go to standard error). In Azure, App Service Authentication accepts the token and
/// sets the principal the app reads its role from.
/// </summary>
public static class CliSignIn
{
    public const string ScopeVariable = "TRACKER_AUTH_SCOPE";
    public const string ClientIdVariable = "TRACKER_AUTH_CLIENT_ID";

    /// <summary>The app's tenant (azd's output): signs in there whatever tenant `az` is on, and lets guests in by device code.</summary>
    public const string TenantVariable = "AZURE_TENANT_ID";

    /// <summary>The choice, without touching the network: a sign-in needs a scope; without one, a key is needed.</summary>
    public static CliCredential Choose(bool signIn, string? key, string? scope, string? clientId)
    {
        var hasKey = !string.IsNullOrWhiteSpace(key);
        if (!signIn) return new CliCredential(null, hasKey, hasKey ? null : "no admin key: pass --key, set TRACKER_ADMIN_KEY, or use --sign-in");
        if (!string.IsNullOrWhiteSpace(scope)) return new CliCredential(scope.Trim(), hasKey);
        if (!string.IsNullOrWhiteSpace(clientId)) return new CliCredential($"api://{clientId.Trim()}/.default", hasKey);
        return new CliCredential(null, hasKey, $"--sign-in needs the app's scope: pass --scope, or set {ScopeVariable} or {ClientIdVariable} (azd env get-value TRACKER_AUTH_CLIENT_ID)");
    }

    public static async Task<string> AcquireAsync(string scope, TextWriter messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var tenant = Environment.GetEnvironmentVariable(TenantVariable) is { Length: > 0 } given ? given.Trim() : null;
        var credential = new ChainedTokenCredential(
            new AzureCliCredential(new AzureCliCredentialOptions { TenantId = tenant }),
            new DeviceCodeCredential(new DeviceCodeCredentialOptions
            {
                TenantId = tenant,
                DeviceCodeCallback = async (code, _) => await messages.WriteLineAsync(code.Message).ConfigureAwait(false),
            }));
        var token = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken).ConfigureAwait(false);
        return token.Token;
    }
}
