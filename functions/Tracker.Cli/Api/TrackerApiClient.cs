using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Tracker.Cli.Api;

/// <summary>
/// The admin HTTP API as the CLI uses it (docs/api.md). The same calls reach a deployed Function App and the local
/// stack; the key goes in the x-functions-key header, never in a URL where logs would keep it.
/// </summary>
public sealed class TrackerApiClient : IDisposable
{
    private readonly HttpClient _http;

    public TrackerApiClient(ApiConnection connection, HttpMessageHandler? handler = null)
    {
        _http = AdminHttp.Create(connection, handler);
        Connection = connection;
    }

    public ApiConnection Connection { get; }

    public async Task<JsonElement> CreatePanelAsync(string definitionJson, CancellationToken cancellationToken)
    {
        using var content = new StringContent(definitionJson, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("panels", content, cancellationToken);
        return await ReadJsonAsync(response, "the panel", cancellationToken);
    }

    public async Task<JsonElement> ImportParticipantsAsync(string panelId, Stream csv, long length, bool dryRun, Action<long>? progress, CancellationToken cancellationToken)
    {
        using var content = new ProgressContent(csv, length, "text/csv", progress).Init();
        using var response = await _http.PostAsync($"panels/{Escape(panelId)}/participants{(dryRun ? "?dryRun=true" : "")}", content, cancellationToken);
        return await ReadJsonAsync(response, $"panel '{panelId}'", cancellationToken);
    }

    public async Task<JsonElement> ListPanelsAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync("panels", cancellationToken);
        return await ReadJsonAsync(response, "the panel list", cancellationToken);
    }

    public async Task<JsonElement> GetPanelAsync(string panelId, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(PanelRoute(panelId), cancellationToken);
        return await ReadJsonAsync(response, $"panel '{panelId}'", cancellationToken);
    }

    public Task<JsonElement> ClosePanelAsync(string panelId, CancellationToken cancellationToken) =>
        PostAsync(PanelRoute(panelId) + "/close", null, $"panel '{panelId}'", cancellationToken);

    /// <summary>What deleting the panel would remove, changing nothing.</summary>
    public Task<JsonElement> ListPanelDeletionAsync(string panelId, CancellationToken cancellationToken) =>
        DeleteAsync(PanelRoute(panelId) + "?dryRun=true", $"panel '{panelId}'", cancellationToken);

    /// <summary>Deletes the panel and everything it stored; returns what was removed.</summary>
    public Task<JsonElement> DeletePanelAsync(string panelId, CancellationToken cancellationToken) =>
        DeleteAsync(PanelRoute(panelId) + "?confirm=" + Escape(panelId), $"panel '{panelId}'", cancellationToken);

    public async Task<JsonElement> GetStatusAsync(string panelId, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"panels/{Escape(panelId)}/status", cancellationToken);
        return await ReadJsonAsync(response, $"panel '{panelId}'", cancellationToken);
    }

    /// <summary>GET /api/panels/{id}/consent: the consent versions and every decision.</summary>
    /// <summary>One page of the panel's audit trail; <paramref name="query"/> holds the filters and the continuation, already escaped.</summary>
    public async Task<JsonElement> GetAuditAsync(string panelId, string query, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"panels/{Escape(panelId)}/audit{query}", cancellationToken);
        return await ReadJsonAsync(response, $"panel '{panelId}'", cancellationToken);
    }

    public async Task<JsonElement> GetConsentAsync(string panelId, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"panels/{Escape(panelId)}/consent", cancellationToken);
        return await ReadJsonAsync(response, $"panel '{panelId}'", cancellationToken);
    }

    /// <summary>consent.csv (the export <c>consent</c>) as text.</summary>
    public async Task<string> GetConsentCsvAsync(string panelId, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"panels/{Escape(panelId)}/export/consent", cancellationToken);
        if (!response.IsSuccessStatusCode) await ThrowAsync(response, $"panel '{panelId}'", cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public async Task<JsonElement> GetPlanAsync(string panelId, bool withSends, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"panels/{Escape(panelId)}/plan{(withSends ? "" : "?sends=false")}", cancellationToken);
        return await ReadJsonAsync(response, $"panel '{panelId}'", cancellationToken);
    }

    /// <summary>Queues what of wave <paramref name="wave"/> is due now (202 with what it queued); the queue function sends.</summary>
    public Task<JsonElement> DispatchWaveAsync(string panelId, int wave, CancellationToken cancellationToken) =>
        PostAsync($"panels/{Escape(panelId)}/waves/{wave}/dispatch", null, $"panel '{panelId}'", cancellationToken);

    public Task<JsonElement> ResendUnknownAsync(string panelId, int wave, CancellationToken cancellationToken) =>
        PostAsync($"panels/{Escape(panelId)}/waves/{wave}/resend-unknown", null, $"panel '{panelId}'", cancellationToken);

    public Task<JsonElement> ReissueLinksAsync(string panelId, int wave, bool includeResponded, CancellationToken cancellationToken) =>
        PostAsync($"panels/{Escape(panelId)}/waves/{wave}/reissue-links{(includeResponded ? "?includeResponded=true" : "")}", null, $"panel '{panelId}'", cancellationToken);

    public Task<JsonElement> SealWaveAsync(string panelId, int wave, CancellationToken cancellationToken) =>
        PostAsync($"panels/{Escape(panelId)}/waves/{wave}/seal", null, $"panel '{panelId}'", cancellationToken);

    public Task<JsonElement> CreateDashboardLinkAsync(string panelId, CancellationToken cancellationToken) =>
        PostAsync($"panels/{Escape(panelId)}/dashboard-link", null, $"panel '{panelId}'", cancellationToken);

    /// <summary>Replaces the schedule of the waves not yet under way; <paramref name="scheduleJson"/> is the schedule object itself.</summary>
    public async Task<JsonElement> EditScheduleAsync(string panelId, string scheduleJson, CancellationToken cancellationToken)
    {
        using var content = new StringContent(scheduleJson, Encoding.UTF8, "application/json");
        using var response = await _http.PutAsync($"panels/{Escape(panelId)}/schedule", content, cancellationToken);
        return await ReadJsonAsync(response, $"panel '{panelId}'", cancellationToken);
    }

    public async Task<JsonElement> EraseParticipantAsync(string panelId, string participantId, bool withResponses, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync($"panels/{Escape(panelId)}/participants/{Escape(participantId)}{(withResponses ? "?responses=true" : "")}", cancellationToken);
        return await ReadJsonAsync(response, $"participant '{participantId}' of panel '{panelId}'", cancellationToken);
    }

    /// <summary>The participant id behind an address (POSTed, so the address never sits in a URL).</summary>
    public async Task<string> FindParticipantAsync(string panelId, string email, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(new { email });
        var found = await PostAsync($"panels/{Escape(panelId)}/participants/lookup", content, $"panel '{panelId}'", cancellationToken);
        return found.GetProperty("participantId").GetString()!;
    }

    /// <summary>The stored model's JSON exactly as stored (no re-serialisation), so <c>tracker model --json</c> prints the document itself.</summary>
    public async Task<string> GetModelJsonAsync(string panelId, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"panels/{Escape(panelId)}/model", cancellationToken);
        if (!response.IsSuccessStatusCode) await ThrowAsync(response, $"panel '{panelId}'", cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>The stakeholder summary as it would be sent now (HTML, charts inlined); a panel with nothing to summarise is the API's 404 problem.</summary>
    public async Task<string> GetSummaryPreviewAsync(string panelId, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"panels/{Escape(panelId)}/summary/preview", cancellationToken);
        if (!response.IsSuccessStatusCode) await ThrowAsync(response, $"panel '{panelId}'", cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>Streams an export into <paramref name="path"/> (via a temporary file, so a failed download leaves no half file) and returns its size.</summary>
    public async Task<long> DownloadExportAsync(string panelId, string format, string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"panels/{Escape(panelId)}/export/{Escape(format)}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode) await ThrowAsync(response, $"panel '{panelId}'", cancellationToken);

        var temporary = path + ".part";
        try
        {
            await using (var file = File.Create(temporary))
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                await body.CopyToAsync(file, cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
            return new FileInfo(path).Length;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> PostAsync(string route, HttpContent? content, string what, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync(route, content, cancellationToken);
        return await ReadJsonAsync(response, what, cancellationToken);
    }

    private async Task<JsonElement> DeleteAsync(string route, string what, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync(route, cancellationToken);
        return await ReadJsonAsync(response, what, cancellationToken);
    }

    private static string PanelRoute(string panelId) => "panels/" + Escape(panelId);

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode) await ThrowAsync(response, what, cancellationToken);
        try
        {
            return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        }
        catch (JsonException)
        {
            throw new TrackerApiException(502, $"{response.RequestMessage?.RequestUri} did not answer with JSON: is --url the Tracker Function App?");
        }
    }

    /// <summary>Turns the API's problem body ({status, title, problems}) or the host's ({error}) into one line.</summary>
    private static async Task ThrowAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        string? detail = null;
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                var title = root.TryGetProperty("title", out var t) ? t.GetString() : root.TryGetProperty("error", out var e) ? e.GetString() : null;
                var problems = root.TryGetProperty("problems", out var p) && p.ValueKind == JsonValueKind.Array
                    ? p.EnumerateArray().Select(x => x.GetString()).Where(x => !string.IsNullOrEmpty(x)).ToList()
                    : [];
                detail = problems.Count == 0 ? title : $"{title} {string.Join("; ", problems)}";
            }
        }
        catch (JsonException)
        {
            // Not the API's JSON (a proxy page, a wrong URL): fall back to the status line below.
        }

        var message = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => $"the admin key was refused ({status}): check --key or ${ApiConnection.KeyVariable}",
            HttpStatusCode.NotFound when detail is null => $"{what} was not found (404) at {response.RequestMessage?.RequestUri?.GetLeftPart(UriPartial.Path)}: is --url the Tracker Function App?",
            _ => detail is null ? $"the API answered {status} {response.ReasonPhrase}" : $"{detail} ({status})",
        };
        throw new TrackerApiException(status, message);
    }
}
