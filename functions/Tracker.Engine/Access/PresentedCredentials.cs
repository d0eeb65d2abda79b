namespace Tracker.Engine.Access;

/// <summary>
/// What a request carried, as the host handed it over: the platform's principal headers (believed only when
/// <see cref="AuthOptions.TrustPlatformPrincipal"/> says so) and the key the Functions host admitted, by name.
/// </summary>
/// <param name="Principal">The <c>X-MS-CLIENT-PRINCIPAL</c> header, or null.</param>
/// <param name="IdentityProvider">The <c>X-MS-CLIENT-PRINCIPAL-IDP</c> header, or null (<c>dev</c> from the local development sign-in).</param>
/// <param name="KeyName">The admitted key's name (the host's <c>keyid</c> claim), or null when no key was presented.</param>
/// <param name="KeyIsMaster">The admitted key is the master key (the host's <c>authlevel</c> claim is Admin).</param>
public sealed record PresentedCredentials(string? Principal, string? IdentityProvider, string? KeyName, bool KeyIsMaster);
