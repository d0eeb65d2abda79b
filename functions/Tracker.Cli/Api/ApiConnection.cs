namespace Tracker.Cli.Api;

/// <summary>Where the Function App is and the admin key it wants: a deployed app and the local stack are reached the same way.</summary>
public sealed record ApiConnection(Uri ApiBaseUrl, string AdminKey)
{
    /// <summary>An Entra ID access token for the app (<c>--sign-in</c>), sent as <c>Authorization: Bearer</c>; null with a key alone.</summary>
    public string? BearerToken { get; init; }

    public const string UrlVariable = "TRACKER_URL";
    public const string KeyVariable = "TRACKER_ADMIN_KEY";

    /// <summary>
    /// Accepts the app's root (https://app.azurewebsites.net) or its API base (…/api/), as `tracker serve` prints it,
    /// and always returns the API base with a trailing slash so relative routes resolve under it.
    /// </summary>
    public static bool TryCreate(string? url, string? key, out ApiConnection? connection, out string? problem, bool keyOptional = false)
    {
        connection = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            problem = $"no Function App URL: pass --url or set {UrlVariable} (e.g. https://<app>.azurewebsites.net or the URL `tracker serve` prints)";
            return false;
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            problem = $"'{url}' is not an http(s) URL";
            return false;
        }

        if (string.IsNullOrWhiteSpace(key) && !keyOptional)
        {
            problem = $"no admin key: pass --key or set {KeyVariable} (in Azure a function or host key; locally the key `tracker serve` prints)";
            return false;
        }

        var path = parsed.AbsolutePath.TrimEnd('/');
        if (!path.EndsWith("/api", StringComparison.OrdinalIgnoreCase)) path += "/api";
        connection = new ApiConnection(new UriBuilder(parsed) { Path = path + "/", Query = "", Fragment = "" }.Uri, key?.Trim() ?? "");
        problem = null;
        return true;
    }
}
