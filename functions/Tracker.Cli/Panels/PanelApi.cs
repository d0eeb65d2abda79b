using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tracker.Cli.Api;

namespace Tracker.Cli.Panels;

/// <summary>
/// The admin routes of one panel's life — read it, close it, delete it (docs/api.md) — with the API's problem body
/// turned into a one-line <see cref="TrackerApiException"/>. The key goes in a header, never in a URL.
/// </summary>
public sealed class PanelApi : IDisposable
{
    private readonly HttpClient http;

    public PanelApi(ApiConnection connection, HttpMessageHandler? handler = null) => http = AdminHttp.Create(connection, handler);

    public Task<JsonElement> GetAsync(string panelId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, Route(panelId), panelId, cancellationToken);

    public Task<JsonElement> CloseAsync(string panelId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Route(panelId) + "/close", panelId, cancellationToken);

    /// <summary>What deleting would remove, changing nothing.</summary>
    public Task<JsonElement> ListDeletionAsync(string panelId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, Route(panelId) + "?dryRun=true", panelId, cancellationToken);

    /// <summary>Deletes the panel and everything it stored; returns what was removed.</summary>
    public Task<JsonElement> DeleteAsync(string panelId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, Route(panelId) + "?confirm=" + Uri.EscapeDataString(panelId), panelId, cancellationToken);

    public void Dispose() => http.Dispose();

    private static string Route(string panelId) => "panels/" + Uri.EscapeDataString(panelId);

    private async Task<JsonElement> SendAsync(HttpMethod method, string route, string panelId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, route);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode) return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);

        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new TrackerApiException(status, $"the admin key was refused ({status}): check --key or ${ApiConnection.KeyVariable}");
        }

        string? title = null;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("title", out var t)) title = t.GetString();
        }
        catch (JsonException)
        {
            // Not the API's JSON (a proxy page, a wrong URL): said from the status below.
        }

        throw new TrackerApiException(status, title is null
            ? $"panel '{panelId}': the API answered {status} {response.ReasonPhrase}: is --url the Tracker Function App?"
            : $"{title} ({status})");
    }
}
