namespace Tracker.Cli.Api;

/// <summary>
/// The HTTP client every admin call goes through: the key in the x-functions-key header (never in a URL, where logs
/// would keep it) and a long time-out, because large imports, exports and deletions run for minutes and the server's
/// own limits end anything stuck.
/// </summary>
public static class AdminHttp
{
    public static HttpClient Create(ApiConnection connection, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.BaseAddress = connection.ApiBaseUrl;
        http.Timeout = TimeSpan.FromMinutes(30);
        if (!string.IsNullOrEmpty(connection.AdminKey)) http.DefaultRequestHeaders.Add("x-functions-key", connection.AdminKey);
        if (connection.BearerToken is { Length: > 0 } token) http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("tracker-cli/1.0");
        return http;
    }
}
