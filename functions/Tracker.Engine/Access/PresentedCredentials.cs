namespace Tracker.Engine.Access;

/// <summary>
/// What a request carried: the platform's principal headers (believed only when
/// <see cref="AuthOptions.TrustPlatformPrincipal"/> says so) and, when it presented a key, what checking that key found.
/// </summary>
/// <param name="Principal">The <c>X-MS-CLIENT-PRINCIPAL</c> header, or null.</param>
/// <param name="IdentityProvider">The <c>X-MS-CLIENT-PRINCIPAL-IDP</c> header, or null (<c>dev</c> from the local development sign-in).</param>
/// <param name="Key">The presented key's check, or null when no key was presented.</param>
public sealed record PresentedCredentials(string? Principal, string? IdentityProvider, KeyCheck? Key);
