using System.Text;
using System.Text.Json;

namespace Tracker.Engine.Access;

/// <summary>
/// The signed-in person App Service Authentication describes in <c>X-MS-CLIENT-PRINCIPAL</c>: base64 of a JSON object
/// with <c>auth_typ</c>, <c>name_typ</c>, <c>role_typ</c> and <c>claims</c> (<c>[{"typ": …, "val": …}]</c>).
/// </summary>
public sealed record ClientPrincipal(string IdentityProvider, string? Name, IReadOnlyList<string> Roles, string? TenantId)
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";
    public const string IdentityProviderHeader = "X-MS-CLIENT-PRINCIPAL-IDP";

    /// <summary>Every header of the platform's family; a host without the platform removes them all from a client's request.</summary>
    public const string HeaderPrefix = "X-MS-CLIENT-";

    private const string TenantClaim = "http://schemas.microsoft.com/identity/claims/tenantid";
    private const long MaxHeaderLength = 16 * 1024;

    /// <summary>The principal in the header, or null when it is not base64 of such a JSON object (never an exception).</summary>
    public static ClientPrincipal? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > MaxHeaderLength) return null;
        byte[] json;
        try
        {
            json = Convert.FromBase64String(header.Trim());
        }
        catch (FormatException)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array) return null;
            var nameType = Text(root, "name_typ") ?? "name";
            var roleType = Text(root, "role_typ") ?? "roles";
            var pairs = new List<(string Type, string Value)>();
            foreach (var claim in claims.EnumerateArray())
            {
                if (claim.ValueKind != JsonValueKind.Object || Text(claim, "typ") is not { } type || Text(claim, "val") is not { } value) continue;
                pairs.Add((type, value));
            }

            string? First(params string[] types) => types.Select(t => pairs.FirstOrDefault(p => string.Equals(p.Type, t, StringComparison.OrdinalIgnoreCase)).Value).FirstOrDefault(v => !string.IsNullOrEmpty(v));
            var roles = pairs.Where(p => string.Equals(p.Type, roleType, StringComparison.OrdinalIgnoreCase) || p.Type == "roles").Select(p => p.Value).Distinct(StringComparer.Ordinal).ToList();
            return new ClientPrincipal(
                Text(root, "auth_typ") ?? "",
                First(nameType, "preferred_username", "name", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"),
                roles,
                First("tid", TenantClaim) ?? TenantOfIssuer(First("iss")));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Base64 of the JSON the platform writes, for a host that stands in for it (the local development sign-in).</summary>
    public static string Encode(string identityProvider, string name, IEnumerable<string> roles, string? tenantId = null)
    {
        var claims = new List<object> { new { typ = "name", val = name } };
        claims.AddRange(roles.Select(r => new { typ = "roles", val = r }));
        if (tenantId is not null) claims.Add(new { typ = "tid", val = tenantId });
        var json = JsonSerializer.Serialize(new { auth_typ = identityProvider, name_typ = "name", role_typ = "roles", claims });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Entra's issuer names the tenant: https://login.microsoftonline.com/{tid}/v2.0 or https://sts.windows.net/{tid}/.</summary>
    private static string? TenantOfIssuer(string? issuer) =>
        Uri.TryCreate(issuer, UriKind.Absolute, out var uri) && uri.Segments.Length > 1 ? uri.Segments[1].TrimEnd('/') : null;
}
