using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tracker.Cli.Api;

namespace Tracker.Cli.Smoke;

/// <summary>
/// The checks behind <c>tracker smoke</c>, in order, each after the one it needs: the host answers, the admin key is
/// accepted, a throwaway panel can be created (with no participants and its first wave a month away, so nothing is
/// ever sent), the participant form route renders its page, and the summary preview route answers for it.
/// </summary>
public sealed class SmokeRunner(ApiConnection connection, HttpMessageHandler? handler = null) : IDisposable
{
    /// <summary>Names the throwaway panels, so a researcher can tell them from real ones.</summary>
    public const string PanelNamePrefix = "tracker smoke";

    private readonly HttpClient http = CreateClient(connection, handler);

    public void Dispose() => http.Dispose();

    public async Task<IReadOnlyList<SmokeCheck>> RunAsync(TimeProvider clock, CancellationToken cancellationToken)
    {
        var checks = new List<SmokeCheck> { await HostAsync(cancellationToken) };
        if (checks[^1].Outcome == SmokeOutcome.Fail) return checks;
        checks.Add(await AdminKeyAsync(cancellationToken));
        if (checks[^1].Outcome == SmokeOutcome.Fail) return checks;
        var (panel, created) = await CreatePanelAsync(clock, cancellationToken);
        checks.Add(panel);
        checks.Add(await SurveyRouteAsync(cancellationToken));
        if (created is not null)
        {
            checks.Add(await PreviewAsync(created, cancellationToken));
            // The admin API has no route that deletes a panel; an empty one with no wave open sends nothing.
            checks.Add(new SmokeCheck("cleanup", SmokeOutcome.Skip, $"panel {created} ('{PanelNamePrefix} …') is left: it has no participants and sends nothing; the API cannot delete panels"));
        }

        return checks;
    }

    private async Task<SmokeCheck> HostAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(connection.ApiBaseUrl, "/"), cancellationToken);
            return (int)response.StatusCode >= 500
                ? new SmokeCheck("host", SmokeOutcome.Fail, $"{connection.ApiBaseUrl.GetLeftPart(UriPartial.Authority)} answered {(int)response.StatusCode}")
                : new SmokeCheck("host", SmokeOutcome.Pass, $"{connection.ApiBaseUrl.GetLeftPart(UriPartial.Authority)} answers ({(int)response.StatusCode})");
        }
        catch (HttpRequestException e)
        {
            return new SmokeCheck("host", SmokeOutcome.Fail, $"cannot reach {connection.ApiBaseUrl.GetLeftPart(UriPartial.Authority)}: {e.Message.ReplaceLineEndings(" ")}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SmokeCheck("host", SmokeOutcome.Fail, $"{connection.ApiBaseUrl.GetLeftPart(UriPartial.Authority)} did not answer in time");
        }
    }

    /// <summary>A panel that cannot exist: 404 means the key opened the route, 401 or 403 that it did not.</summary>
    private async Task<SmokeCheck> AdminKeyAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"panels/psmokenopanel{Guid.NewGuid():N}/status", cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.NotFound => new SmokeCheck("admin key", SmokeOutcome.Pass, "accepted (a missing panel's status is 404, not 401)"),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new SmokeCheck("admin key", SmokeOutcome.Fail, $"refused ({(int)response.StatusCode}): use a function or host key of this app"),
            _ => new SmokeCheck("admin key", SmokeOutcome.Fail, $"a missing panel's status answered {(int)response.StatusCode}, not 404"),
        };
    }

    private async Task<(SmokeCheck Check, string? PanelId)> CreatePanelAsync(TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var body = new
        {
            name = $"{PanelNamePrefix} {now.ToString("u", CultureInfo.InvariantCulture)}",
            instrument = "default",
            timeZone = "UTC",
            schedule = new { start = now.AddDays(30), waves = 1, interval = "P7D", window = "P5D" },
        };
        using var response = await http.PostAsJsonAsync("panels", body, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return (new SmokeCheck("panel", SmokeOutcome.Fail, $"creating a panel answered {(int)response.StatusCode}: {await ShortAsync(response, cancellationToken)}"), null);
        }

        var created = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var id = created.GetProperty("id").GetString()!;
        return (new SmokeCheck("panel", SmokeOutcome.Pass, $"created {id} (no participants; its wave opens in 30 days)"), id);
    }

    /// <summary>The participant form's route with a link nobody signed: the refusal page proves the route and its pages render.</summary>
    private async Task<SmokeCheck> SurveyRouteAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("r/smoke-unsigned-link", cancellationToken);
        var html = response.Content.Headers.ContentType?.MediaType == "text/html";
        return (int)response.StatusCode is >= 400 and < 500 && html
            ? new SmokeCheck("survey route", SmokeOutcome.Pass, $"an unsigned link gets the refusal page ({(int)response.StatusCode}, HTML)")
            : new SmokeCheck("survey route", SmokeOutcome.Fail, $"an unsigned link answered {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType ?? "without a body"}");
    }

    /// <summary>
    /// The summary preview of the new panel: with no answers it has no chart to draw, so a 404 that says so passes the
    /// route and the chart itself is reported as not checked (a chart needs a participant's answer, which needs an email).
    /// </summary>
    private async Task<SmokeCheck> PreviewAsync(string panelId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"panels/{panelId}/summary/preview", cancellationToken);
        var text = await ShortAsync(response, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound && text.Contains("no responses", StringComparison.OrdinalIgnoreCase))
        {
            return new SmokeCheck("summary preview", SmokeOutcome.Skip, "the route answers; no chart is drawn without answers (run `tracker summary` against a panel with responses)");
        }

        return response.IsSuccessStatusCode && text.Contains("<img", StringComparison.OrdinalIgnoreCase)
            ? new SmokeCheck("summary preview", SmokeOutcome.Pass, "rendered with its charts")
            : new SmokeCheck("summary preview", SmokeOutcome.Fail, $"answered {(int)response.StatusCode}: {text}");
    }

    private static async Task<string> ShortAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = (await response.Content.ReadAsStringAsync(cancellationToken)).ReplaceLineEndings(" ");
        return text.Length <= 200 ? text : text[..200] + "…";
    }

    private static HttpClient CreateClient(ApiConnection connection, HttpMessageHandler? handler)
    {
        var http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.BaseAddress = connection.ApiBaseUrl;
        http.Timeout = TimeSpan.FromSeconds(60);
        // The key in a header, never in a URL where logs would keep it.
        http.DefaultRequestHeaders.Add("x-functions-key", connection.AdminKey);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("tracker-cli/1.0");
        return http;
    }
}
