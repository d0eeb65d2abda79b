using Tracker.Engine.Forms;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Tracker.Web.Pages;

/// <summary>
/// The headers every participant page carries. The link in the address bar is the participant's only
/// credential, so nothing may leak it (no referrer, no caching, no framing) and no script may run on the page at all.
/// </summary>
public static class PageSecurity
{
    /// <summary>Nothing loads but the page's own hashed style block; forms post only back to this site.</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src '{StyleHash(PageStyle.Css)}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IReadOnlyList<KeyValuePair<string, string>> Headers { get; } =
    [
        new("Content-Security-Policy", ContentSecurityPolicy),
        new("Referrer-Policy", "no-referrer"),
        new("Cache-Control", "no-store"),
        new("X-Content-Type-Options", "nosniff"),
        new("X-Frame-Options", "DENY"),
        // Personal links must never be indexed, even if one is pasted somewhere public.
        new("X-Robots-Tag", "noindex, nofollow"),
    ];

    /// <summary>Sets every header of <see cref="Headers"/>, replacing any earlier value.</summary>
    public static void Apply(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var (name, value) in Headers)
        {
            headers[name] = value;
        }
    }

    /// <summary>The CSP source expression for a style block: <c>sha256-</c> and the Base64 SHA-256 of its exact UTF-8 text.</summary>
    public static string StyleHash(string styleText) =>
        "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(styleText)));
}
