using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tracker.Cli.Api;

namespace Tracker.Cli.Smoke;

/// <summary>
/// The checks behind <c>tracker smoke</c>, in order, each after the one it needs. Always: the host answers, the admin
/// key is accepted, a throwaway panel can be created, the participant form route renders its page. With an address
/// (<c>--to</c>) the whole path a participant takes: the panel starts now, the address is enrolled, wave 1 is sent and
/// status shows it sent, the participant's link (from the support route) opens the form, every item is answered, the
/// thank-you page comes back, and the summary preview draws its charts. Without one, the preview route is checked on
/// the empty panel. Either way the throwaway panel is deleted at the end, whatever failed before.
/// </summary>
public sealed partial class SmokeRunner(ApiConnection connection, HttpMessageHandler? handler = null) : IDisposable
{
    /// <summary>Names the throwaway panels, so a researcher can tell them from real ones.</summary>
    public const string PanelNamePrefix = "tracker smoke";

    /// <summary>How long the invitation may take to leave (queue, send rate, SMTP) before the check fails.</summary>
    public static readonly TimeSpan DefaultSendTimeout = TimeSpan.FromMinutes(3);

    private readonly HttpClient http = CreateClient(connection, handler, withKey: true);

    /// <summary>The participant's side: no admin key, as a participant's browser.</summary>
    private readonly HttpClient participant = CreateClient(connection, handler, withKey: false);

    public TimeSpan SendTimeout { get; init; } = DefaultSendTimeout;

    public void Dispose()
    {
        http.Dispose();
        participant.Dispose();
    }

    public async Task<IReadOnlyList<SmokeCheck>> RunAsync(TimeProvider clock, string? to, CancellationToken cancellationToken)
    {
        var checks = new List<SmokeCheck> { await HostAsync(cancellationToken) };
        if (checks[^1].Outcome == SmokeOutcome.Fail) return checks;
        checks.Add(await AdminKeyAsync(cancellationToken));
        if (checks[^1].Outcome == SmokeOutcome.Fail) return checks;
        var (panel, created) = await CreatePanelAsync(clock, startNow: to is not null, cancellationToken);
        checks.Add(panel);
        checks.Add(await SurveyRouteAsync(cancellationToken));
        if (created is null) return checks;

        try
        {
            if (to is null)
            {
                checks.Add(await EmptyPreviewAsync(created, cancellationToken));
            }
            else
            {
                await ParticipantPathAsync(created, to, checks, cancellationToken);
            }
        }
        finally
        {
            // Cleaned up whatever happened above; not cancelled with the run, so Ctrl+C still leaves nothing behind.
            checks.Add(await CleanupAsync(created, CancellationToken.None));
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

    /// <summary>One wave, starting now when an address will be invited, else a month away so nothing can ever be sent.</summary>
    private async Task<(SmokeCheck Check, string? PanelId)> CreatePanelAsync(TimeProvider clock, bool startNow, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var body = new
        {
            name = $"{PanelNamePrefix} {now.ToString("u", CultureInfo.InvariantCulture)}",
            instrument = "default",
            timeZone = "UTC",
            schedule = new { start = startNow ? now : now.AddDays(30), waves = 1, interval = "P7D", window = "P1D" },
        };
        using var response = await http.PostAsJsonAsync("panels", body, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return (new SmokeCheck("panel", SmokeOutcome.Fail, $"creating a panel answered {(int)response.StatusCode}: {await ShortAsync(response, cancellationToken)}"), null);
        }

        var created = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var id = created.GetProperty("id").GetString()!;
        return (new SmokeCheck("panel", SmokeOutcome.Pass, startNow ? $"created {id} (one wave, open now)" : $"created {id} (no participants; its wave opens in 30 days)"), id);
    }

    /// <summary>The participant form's route with a link nobody signed: the refusal page proves the route and its pages render.</summary>
    private async Task<SmokeCheck> SurveyRouteAsync(CancellationToken cancellationToken)
    {
        using var response = await participant.GetAsync("r/smoke-unsigned-link", cancellationToken);
        var html = response.Content.Headers.ContentType?.MediaType == "text/html";
        return (int)response.StatusCode is >= 400 and < 500 && html
            ? new SmokeCheck("survey route", SmokeOutcome.Pass, $"an unsigned link gets the refusal page ({(int)response.StatusCode}, HTML)")
            : new SmokeCheck("survey route", SmokeOutcome.Fail, $"an unsigned link answered {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType ?? "without a body"}");
    }

    /// <summary>
    /// The summary preview of the empty panel: with no answers it has no chart to draw, so a 404 that says so passes the
    /// route and the chart itself is reported as not checked (run again with --to for the chart).
    /// </summary>
    private async Task<SmokeCheck> EmptyPreviewAsync(string panelId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"panels/{panelId}/summary/preview", cancellationToken);
        var text = await ShortAsync(response, cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound && text.Contains("no responses", StringComparison.OrdinalIgnoreCase)
            ? new SmokeCheck("summary preview", SmokeOutcome.Skip, "the route answers; no chart is drawn without answers (run with --to ADDRESS to check the charts)")
            : new SmokeCheck("summary preview", SmokeOutcome.Fail, $"an empty panel's preview answered {(int)response.StatusCode}: {text}");
    }

    /// <summary>Enrol, send, wait, open the link, answer, preview: each step added as a check, stopping at the first failure.</summary>
    private async Task ParticipantPathAsync(string panelId, string to, List<SmokeCheck> checks, CancellationToken cancellationToken)
    {
        var steps = new Func<CancellationToken, Task<SmokeCheck>>[]
        {
            ct => ImportAsync(panelId, to, ct),
            ct => DispatchAsync(panelId, ct),
            ct => SentAsync(panelId, ct),
        };
        foreach (var step in steps)
        {
            checks.Add(await step(cancellationToken));
            if (checks[^1].Outcome == SmokeOutcome.Fail) return;
        }

        var (link, url) = await LinkAsync(panelId, cancellationToken);
        checks.Add(link);
        if (url is null) return;
        var (form, answers) = await FormAsync(url, cancellationToken);
        checks.Add(form);
        if (answers is null) return;
        checks.Add(await AnswerAsync(url, answers, cancellationToken));
        if (checks[^1].Outcome == SmokeOutcome.Fail) return;
        checks.Add(await PreviewAsync(panelId, cancellationToken));
    }

    private async Task<SmokeCheck> ImportAsync(string panelId, string to, CancellationToken cancellationToken)
    {
        using var content = new StringContent($"email\n{to}\n", Encoding.UTF8, "text/csv");
        using var response = await http.PostAsync($"panels/{panelId}/participants", content, cancellationToken);
        if (!response.IsSuccessStatusCode) return new SmokeCheck("enrol", SmokeOutcome.Fail, $"the import answered {(int)response.StatusCode}: {await ShortAsync(response, cancellationToken)}");
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var rejected = result.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("reason").GetString()).FirstOrDefault();
        return result.GetProperty("added").GetInt32() == 1
            ? new SmokeCheck("enrol", SmokeOutcome.Pass, "the address is enrolled (one participant)")
            : new SmokeCheck("enrol", SmokeOutcome.Fail, $"the address was not enrolled: {rejected ?? "no participant added"}");
    }

    private async Task<SmokeCheck> DispatchAsync(string panelId, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync($"panels/{panelId}/waves/1/dispatch", null, cancellationToken);
        return response.StatusCode == HttpStatusCode.Accepted
            ? new SmokeCheck("send", SmokeOutcome.Pass, "wave 1 is queued")
            : new SmokeCheck("send", SmokeOutcome.Fail, $"sending wave 1 answered {(int)response.StatusCode}: {await ShortAsync(response, cancellationToken)}");
    }

    /// <summary>Polls status until wave 1's invitation is sent, failed or of unknown outcome, or <see cref="SendTimeout"/> passes.</summary>
    private async Task<SmokeCheck> SentAsync(string panelId, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var status = await http.GetFromJsonAsync<JsonElement>($"panels/{panelId}/status", cancellationToken);
            var wave = status.GetProperty("waves")[0];
            if (wave.GetProperty("invited").GetInt32() >= 1)
            {
                return new SmokeCheck("sent", SmokeOutcome.Pass, $"status shows the invitation sent after {waited.Elapsed.TotalSeconds:0} s (check the inbox)");
            }

            if (wave.GetProperty("failed").GetInt32() >= 1)
            {
                var reason = wave.GetProperty("failures").EnumerateArray().Select(f => f.GetProperty("reason").GetString()).FirstOrDefault();
                return new SmokeCheck("sent", SmokeOutcome.Fail, $"the mail server refused the invitation: {reason}");
            }

            if (wave.GetProperty("unknown").GetInt32() >= 1)
            {
                return new SmokeCheck("sent", SmokeOutcome.Fail, "the mail server took the message but did not confirm it (outcome unknown): check the SMTP settings and the inbox");
            }

            if (waited.Elapsed >= SendTimeout)
            {
                return new SmokeCheck("sent", SmokeOutcome.Fail, $"no invitation sent within {SendTimeout.TotalSeconds:0} s: is the queue function running and SMTP configured?");
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    /// <summary>The participant's id from the plan (the panel has exactly one), then their link from the support route.</summary>
    private async Task<(SmokeCheck Check, string? Url)> LinkAsync(string panelId, CancellationToken cancellationToken)
    {
        var plan = await http.GetFromJsonAsync<JsonElement>($"panels/{panelId}/plan", cancellationToken);
        var participantId = plan.GetProperty("sends").EnumerateArray().Select(s => s.GetProperty("participantId").GetString()).FirstOrDefault(s => s is not null);
        if (participantId is null) return (new SmokeCheck("link", SmokeOutcome.Fail, "the plan names no participant"), null);
        using var response = await http.GetAsync($"panels/{panelId}/participants/{participantId}/waves/1/link", cancellationToken);
        if (!response.IsSuccessStatusCode) return (new SmokeCheck("link", SmokeOutcome.Fail, $"the link route answered {(int)response.StatusCode}: {await ShortAsync(response, cancellationToken)}"), null);
        var url = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("url").GetString()!;
        return (new SmokeCheck("link", SmokeOutcome.Pass, $"the participant's wave 1 link is on {new Uri(url).GetLeftPart(UriPartial.Authority)}"), url);
    }

    /// <summary>Opens the form as the participant and picks the middle choice of every item it offers.</summary>
    private async Task<(SmokeCheck Check, Dictionary<string, string>? Answers)> FormAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await participant.GetAsync(url, cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK) return (new SmokeCheck("form", SmokeOutcome.Fail, $"the link answered {(int)response.StatusCode}"), null);
        var choices = RadioInput().Matches(html)
            .Select(m => (Name: Attribute(m.Value, "name"), Value: Attribute(m.Value, "value")))
            .Where(c => c.Name is not null && c.Value is not null)
            .GroupBy(c => c.Name!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ElementAt(g.Count() / 2).Value!, StringComparer.Ordinal);
        return choices.Count == 0
            ? (new SmokeCheck("form", SmokeOutcome.Fail, "the form has no items to answer"), null)
            : (new SmokeCheck("form", SmokeOutcome.Pass, $"the link opens the form ({choices.Count} items)"), choices);
    }

    private async Task<SmokeCheck> AnswerAsync(string url, Dictionary<string, string> answers, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(answers);
        using var response = await participant.PostAsync(url, content, cancellationToken);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(cancellationToken));
        return response.StatusCode == HttpStatusCode.OK && html.Contains("your answers are saved", StringComparison.OrdinalIgnoreCase)
            ? new SmokeCheck("answer", SmokeOutcome.Pass, $"all {answers.Count} items answered; the thank-you page came back")
            : new SmokeCheck("answer", SmokeOutcome.Fail, $"submitting the answers answered {(int)response.StatusCode} without the thank-you page");
    }

    /// <summary>The summary preview now that the panel has an answer: it must render with its charts as images.</summary>
    private async Task<SmokeCheck> PreviewAsync(string panelId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"panels/{panelId}/summary/preview", cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var charts = Regex.Count(text, "<img", RegexOptions.IgnoreCase);
        return response.IsSuccessStatusCode && charts > 0
            ? new SmokeCheck("summary preview", SmokeOutcome.Pass, $"rendered with {charts} chart image(s)")
            : new SmokeCheck("summary preview", SmokeOutcome.Fail, $"answered {(int)response.StatusCode} with {charts} chart images: {Short(text)}");
    }

    /// <summary>Deletes the throwaway panel with everything it stored, then checks it is gone.</summary>
    private async Task<SmokeCheck> CleanupAsync(string panelId, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync($"panels/{panelId}?confirm={panelId}", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return new SmokeCheck("cleanup", SmokeOutcome.Fail, $"deleting panel {panelId} answered {(int)response.StatusCode}: {await ShortAsync(response, cancellationToken)}; delete it with `tracker panel delete --panel {panelId} --yes`");
        }

        var totals = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("totals");
        using var gone = await http.GetAsync($"panels/{panelId}", cancellationToken);
        return gone.StatusCode == HttpStatusCode.NotFound
            ? new SmokeCheck("cleanup", SmokeOutcome.Pass, $"panel {panelId} deleted ({totals.GetProperty("rows").GetInt32()} rows, {totals.GetProperty("blobs").GetInt32()} blobs)")
            : new SmokeCheck("cleanup", SmokeOutcome.Fail, $"panel {panelId} still answers {(int)gone.StatusCode} after its deletion");
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"(?<v>[^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups["v"].Value) : null;
    }

    [GeneratedRegex("<input\\b[^>]*\\btype=\"radio\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex RadioInput();

    private static async Task<string> ShortAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        Short(await response.Content.ReadAsStringAsync(cancellationToken));

    private static string Short(string text)
    {
        text = text.ReplaceLineEndings(" ");
        return text.Length <= 200 ? text : text[..200] + "…";
    }

    private static HttpClient CreateClient(ApiConnection connection, HttpMessageHandler? handler, bool withKey)
    {
        var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = connection.ApiBaseUrl;
        http.Timeout = TimeSpan.FromSeconds(60);
        // The key in a header, never in a URL where logs would keep it; never sent with the participant's requests.
        if (withKey) http.DefaultRequestHeaders.Add("x-functions-key", connection.AdminKey);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("tracker-cli/1.0");
        return http;
    }
}
