using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Tracker.LocalHost.App;

namespace Tracker.EndToEnd.Tests.BadInput;

/// <summary>Who gets in, what a page tells a stranger, the headers on every page, the rate limit, and what reaches the logs.</summary>
[Collection(SecurityCollection.Name)]
public sealed class SecurityTests(SecurityFixture stack)
{
    private static readonly string[] SecurityHeaders = ["Content-Security-Policy", "Referrer-Policy", "Cache-Control", "X-Content-Type-Options"];

    [Fact]
    public async Task Every_admin_function_refuses_requests_without_the_right_key()
    {
        Assert.True(HttpFunctions.Admin.Count >= 10, $"only {HttpFunctions.Admin.Count} admin functions found");
        using var wrongHeader = new HttpClient { BaseAddress = stack.Stack.Host.BaseUrl };
        wrongHeader.DefaultRequestHeaders.Add("x-functions-key", stack.Stack.AdminKey + "x");
        foreach (var route in HttpFunctions.Admin)
        {
            var path = route.Path(stack.PanelId);
            foreach (var (client, suffix, how) in new[]
                     {
                         (stack.Anonymous, "", "no key"),
                         (wrongHeader, "", "a wrong x-functions-key"),
                         (stack.Anonymous, "?code=" + Uri.EscapeDataString(stack.Stack.AdminKey[..^1]), "a wrong code"),
                         (stack.Anonymous, "?code=", "an empty code"),
                     })
            {
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), path + suffix) { Content = new StringContent("{}") };
                var response = await client.SendAsync(request);
                Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{route} with {how}: {(int)response.StatusCode}");
            }
        }

        // The same routes with the key get past the check (whatever they then say), so the refusals above were the key's.
        foreach (var route in HttpFunctions.Admin)
        {
            // An unknown panel, so that no admin action (a dispatch, a seal) changes what the other tests rely on.
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path("pnosuchpanel")) { Content = new StringContent("{}") };
            var response = await stack.Admin.SendAsync(request);
            Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{route} refused the right key");
        }
    }

    [Fact]
    public async Task A_key_that_is_not_one_of_the_apps_is_refused_by_the_app_saying_so()
    {
        // Admin routes are anonymous to the host; the app checks a presented key against the Function App's keys.
        using var stranger = stack.Stack.Host.CreateClient("not-a-key-" + Guid.NewGuid().ToString("N"));
        foreach (var route in HttpFunctions.Admin.DistinctBy(r => r.Name))
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path("pnosuchpanel")) { Content = new StringContent("{}") };
            using var response = await stranger.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("not a key of this app", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_named_host_key_opens_every_keyed_function_and_a_function_key_only_its_own()
    {
        var hostKey = "host-key-" + Guid.NewGuid().ToString("N");
        var statusKey = "status-key-" + Guid.NewGuid().ToString("N");
        stack.Stack.Host.Keys.SetHostKey("researcher-ada", hostKey);
        stack.Stack.Host.Keys.SetFunctionKey("GetPanelStatus", "status-board", statusKey);
        try
        {
            using var researcher = stack.Stack.Host.CreateClient(hostKey);
            using var statusBoard = stack.Stack.Host.CreateClient(statusKey);
            foreach (var route in HttpFunctions.Admin)
            {
                // An unknown panel, so that no admin action changes what the other tests rely on.
                Assert.False(await RefusedAsync(researcher, route), $"{route} refused a named host key");
                Assert.Equal(route.Name != "GetPanelStatus", await RefusedAsync(statusBoard, route));
            }

            // Revoked, the researcher's key opens nothing; the master key still does.
            Assert.True(stack.Stack.Host.Keys.RemoveHostKey("researcher-ada"));
            foreach (var route in HttpFunctions.Admin) Assert.True(await RefusedAsync(researcher, route), $"{route} took a revoked key");
        }
        finally
        {
            stack.Stack.Host.Keys.RemoveHostKey("researcher-ada");
            stack.Stack.Host.Keys.RemoveFunctionKey("GetPanelStatus", "status-board");
        }

        static async Task<bool> RefusedAsync(HttpClient client, HttpFunctions.Route route)
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path("pnosuchpanel")) { Content = new StringContent("{}") };
            var response = await client.SendAsync(request);
            return response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
        }
    }

    [Fact]
    public async Task An_erased_participant_an_unknown_panel_and_garbage_get_the_same_bytes()
    {
        string[] tokens =
        [
            stack.Token(stack.Erased),
            stack.Token(stack.Answered, panelId: "pnosuchpanel"),
            stack.Token("nobody00000000000"),
            "garbage",
            SecurityFixture.Forge(stack.Payload(stack.Answered), new byte[32]),
        ];
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
        {
            var answers = new List<(HttpStatusCode Status, byte[] Body, string Headers)>();
            foreach (var token in tokens)
            {
                using var request = new HttpRequestMessage(method, SecurityFixture.SurveyPath(token));
                if (method == HttpMethod.Post) request.Content = SecurityFixture.Form(stack.ItemIds.Select(id => (id, "3")));
                var response = await stack.Anonymous.SendAsync(request);
                var headers = string.Join("\n", response.Headers.Concat(response.Content.Headers)
                    .Where(h => h.Key is not "Date")
                    .OrderBy(h => h.Key, StringComparer.Ordinal)
                    .Select(h => h.Key + ": " + string.Join(",", h.Value)));
                answers.Add((response.StatusCode, await response.Content.ReadAsByteArrayAsync(), headers));
            }

            Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.Status));
            Assert.All(answers, a => Assert.Equal(answers[0].Body, a.Body));
            Assert.All(answers, a => Assert.Equal(answers[0].Headers, a.Headers));
        }
    }

    [Fact]
    public async Task Every_kind_of_page_carries_the_security_headers()
    {
        // The dashboard opens from a minted link, which leaves its session cookie in the client's cookie jar.
        using var researcher = stack.Stack.Host.CreateClient();
        var minted = await (await stack.Admin.PostAsync($"api/panels/{stack.PanelId}/dashboard-link", null)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var opened = await researcher.GetAsync(minted.GetProperty("url").GetString());
        var pages = new List<(string Kind, HttpResponseMessage Response)>
        {
            ("survey form", await stack.Anonymous.GetAsync(SecurityFixture.SurveyPath(stack.Token(stack.Answered)))),
            ("form with errors", await stack.Anonymous.PostAsync(SecurityFixture.SurveyPath(stack.Token(stack.Answered)), SecurityFixture.Form([("trust_1", "9")]))),
            ("invalid link", await stack.Anonymous.GetAsync(SecurityFixture.SurveyPath("garbage"))),
            ("closed wave", await stack.Anonymous.GetAsync(SecurityFixture.SurveyPath(stack.Token(stack.Answered, expiresAt: stack.Clock.GetUtcNow().AddDays(-1))))),
            ("not open yet", await stack.Anonymous.GetAsync(SecurityFixture.SurveyPath(stack.Token(stack.Answered, wave: 2)))),
            ("bad request", await stack.Anonymous.PostAsync(SecurityFixture.SurveyPath(stack.Token(stack.Answered)), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))),
            ("dashboard link opened", opened),
            ("dashboard", await researcher.GetAsync($"api/panels/{stack.PanelId}/dashboard")),
            ("dashboard without a session", await stack.Admin.GetAsync($"api/panels/{stack.PanelId}/dashboard")),
        };
        foreach (var route in HttpFunctions.Anonymous.Where(r => r.Method == "get"))
        {
            pages.Add(($"{route} with a bad token", await stack.Anonymous.GetAsync(route.Path(stack.PanelId, "garbage"))));
        }

        // Saving answers changes storage, so the thank-you page comes last and from the participant who had answered already.
        pages.Add(("thank you", await stack.Anonymous.PostAsync(SecurityFixture.SurveyPath(stack.Token(stack.Answered)), SecurityFixture.Form(stack.ItemIds.Select(id => (id, "4"))))));

        await using var limited = await LimitedHostAsync(tokenLimit: 1);
        using var client = limited.Host.CreateClient();
        await client.GetAsync("api/r/garbage");
        pages.Add(("too many requests", await client.GetAsync("api/r/garbage")));

        Assert.Contains(pages, p => p.Response.StatusCode == HttpStatusCode.OK && p.Kind == "thank you");
        Assert.Contains(pages, p => p.Response.StatusCode == HttpStatusCode.OK && p.Kind == "dashboard");
        Assert.Contains(pages, p => p.Response.StatusCode == HttpStatusCode.TooManyRequests);
        foreach (var (kind, response) in pages)
        {
            Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
            var headers = response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            foreach (var name in SecurityHeaders) Assert.True(headers.ContainsKey(name), $"{kind}: no {name}");
            Assert.Contains("default-src 'none'", headers["Content-Security-Policy"], StringComparison.Ordinal);
            Assert.Equal("no-referrer", headers["Referrer-Policy"]);
            Assert.Contains("no-store", headers["Cache-Control"], StringComparison.Ordinal);
            Assert.Equal("nosniff", headers["X-Content-Type-Options"]);
        }
    }

    [Fact]
    public async Task Public_endpoints_answer_429_with_retry_after_per_client_address_and_admin_routes_are_not_limited()
    {
        await using var limited = await LimitedHostAsync(tokenLimit: 3);
        using var client = limited.Host.CreateClient();
        using var admin = limited.Host.CreateClient(withAdminKey: true);

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("api/r/garbage")).StatusCode);

        var refused = await client.GetAsync("api/r/garbage");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta is { } wait && wait >= TimeSpan.FromSeconds(1), $"Retry-After: {refused.Headers.RetryAfter}");
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Too many requests", page, StringComparison.Ordinal);
        Assert.Contains("try again", page, StringComparison.Ordinal);

        // Every anonymous route shares the client's bucket; none lets the client past it.
        foreach (var route in HttpFunctions.Anonymous)
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path(stack.PanelId, "garbage")) { Content = new FormUrlEncodedContent([]) };
            Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(request)).StatusCode);
        }

        // With no proxy in front (this host's default), X-Forwarded-For is the client's own say: it buys no fresh bucket.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendFromAsync(client, "203.0.113.9")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendFromAsync(client, "not-an-address")).StatusCode);

        // The researcher's API is behind the key and not limited with the participants' pages.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"api/panels/{stack.PanelId}/status")).StatusCode);
    }

    [Fact]
    public async Task Forged_forwarded_for_values_on_a_server_behind_no_proxy_all_meet_the_limit()
    {
        await using var limited = await LimitedHostAsync(tokenLimit: 3);
        using var client = limited.Host.CreateClient();

        // Each request claims another client; none is believed, so all 200 draw on the connection's one bucket of 3.
        var passed = 0;
        for (var i = 0; i < 200; i++)
        {
            var response = await SendFromAsync(client, $"198.51.{i / 250}.{i % 250 + 1}");
            if (response.StatusCode != HttpStatusCode.TooManyRequests) passed++;
        }

        Assert.Equal(3, passed);
    }

    [Fact]
    public async Task Behind_one_trusted_proxy_the_last_forwarded_entry_is_the_client_and_earlier_entries_are_ignored()
    {
        await using var limited = await LimitedHostAsync(tokenLimit: 2, trustedProxyHops: 1);
        using var client = limited.Host.CreateClient();

        // The front end appended 203.0.113.7; whatever the client wrote before it does not change whose bucket it is.
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.NotFound, (await SendFromAsync(client, $"192.0.2.{i + 1}, 203.0.113.7:52144")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendFromAsync(client, "192.0.2.99, 203.0.113.7:40000")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendFromAsync(client, "203.0.113.7")).StatusCode);

        // Another client the front end saw has a bucket of its own, IPv6 included.
        Assert.Equal(HttpStatusCode.NotFound, (await SendFromAsync(client, "203.0.113.7, 203.0.113.9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendFromAsync(client, "[2001:db8::1]:443")).StatusCode);

        // A request that did not come through the front end (no header) or whose entry is not an address counts as the
        // connection's own address; the two share one bucket, so neither mints a new one per request.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("api/r/garbage")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendFromAsync(client, "not-an-address")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendFromAsync(client, "also-not-an-address")).StatusCode);
    }

    [Fact]
    public async Task The_logs_of_a_whole_panel_loop_hold_no_email_token_or_answer()
    {
        var emails = StackFixture.Emails(3);
        using (var content = new StringContent($"email,external_id\n{emails[0]},{LogScan.Canary}\n{emails[1]},x\nbad-{emails[2]}@,y\n{emails[0]},z\n", System.Text.Encoding.UTF8, "text/csv"))
        {
            Assert.Equal(HttpStatusCode.OK, (await stack.Admin.PostAsync($"api/panels/{stack.OtherPanelId}/participants", content)).StatusCode);
        }

        var dispatched = await stack.Admin.PostAsync($"api/panels/{stack.OtherPanelId}/waves/1/dispatch", null);
        Assert.Equal(HttpStatusCode.Accepted, dispatched.StatusCode);
        var ids = await stack.ParticipantIdsByEmailAsync(stack.OtherPanelId);
        var token = stack.Token(ids[emails[0]], panelId: stack.OtherPanelId);
        var form = await stack.Anonymous.GetStringAsync(SecurityFixture.SurveyPath(token));
        var items = System.Text.RegularExpressions.Regex.Matches(form, "name=\"([a-z]+_[0-9]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(items);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await stack.Anonymous.PostAsync(SecurityFixture.SurveyPath(token), SecurityFixture.Form([(items[0], "9")]))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await stack.Anonymous.PostAsync(SecurityFixture.SurveyPath(token), SecurityFixture.Form(items.Select(i => (i, "5")).Append(("comment", LogScan.Canary + " " + emails[1]))))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.PostAsync(SecurityFixture.SurveyPath(token), SecurityFixture.Form(items.Select(i => (i, "5"))))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stack.Admin.GetAsync($"api/panels/{stack.OtherPanelId}/export/long")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stack.Admin.GetAsync($"api/panels/{stack.OtherPanelId}/status")).StatusCode);

        // The capture works (the app does log these steps), and nothing in it is personal.
        Assert.Contains(stack.Logs.Lines, l => l.Contains("Response page saved", StringComparison.Ordinal));
        LogScan.AssertClean(stack, stack.Logs.Lines, token);
        foreach (var email in emails)
        {
            Assert.DoesNotContain(stack.Logs.Lines, l => l.Contains(email, StringComparison.OrdinalIgnoreCase));
        }
    }

    private Task<TrackerStack> LimitedHostAsync(int tokenLimit, int trustedProxyHops = 0)
    {
        var options = new TrackerStackOptions
        {
            StorageConnectionString = stack.Stack.StorageConnectionString,
            SmtpEndpoint = $"{stack.Stack.SmtpHost}:{stack.Stack.SmtpPort}",
            Clock = stack.Clock,
            EnableTimers = false,
            EnableQueueListeners = false,
            MinimumLogLevel = LogLevel.Debug,
            ConfigureLogging = logging => logging.AddProvider(stack.Logs),
            Settings =
            {
                ["RateLimit:TokenLimit"] = tokenLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["RateLimit:TokensPerPeriod"] = "1",
                ["RateLimit:ReplenishmentPeriod"] = "01:00:00",
                ["RateLimit:TrustedProxyHops"] = trustedProxyHops.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        return TrackerStack.StartAsync(options, CancellationToken.None);
    }

    private static Task<HttpResponseMessage> SendFromAsync(HttpClient client, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "api/r/garbage");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request);
    }
}
