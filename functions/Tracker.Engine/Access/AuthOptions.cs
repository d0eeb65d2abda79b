namespace Tracker.Engine.Access;

/// <summary>Settings of sign-in and roles (app settings <c>Tracker__Auth__*</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Tracker:Auth";

    /// <summary>
    /// Whether the <c>X-MS-CLIENT-PRINCIPAL</c> header is believed. Only where App Service Authentication runs in front
    /// of the app (it removes a client's copy and writes its own): true in infra's app settings, false by default, so a
    /// server with no platform in front ignores a forged header.
    /// </summary>
    public bool TrustPlatformPrincipal { get; set; }

    /// <summary>
    /// Where a browser signs in when <see cref="TrustPlatformPrincipal"/> is on: App Service Authentication's Microsoft
    /// provider in Azure; the local host's development sign-in sets its own. The dashboard's refusal links to it.
    /// </summary>
    public string SignInPath { get; set; } = "/.auth/login/aad";

    /// <summary>The Entra tenant whose people may sign in; a principal from another tenant holds no role. Empty: any.</summary>
    public string? TenantId { get; set; }

    /// <summary>The role each key name acts with (<c>Tracker__Auth__KeyRoles__ci=analyst</c>); a key not listed is a manager.</summary>
    public Dictionary<string, string> KeyRoles { get; set; } = new(StringComparer.Ordinal);
}
