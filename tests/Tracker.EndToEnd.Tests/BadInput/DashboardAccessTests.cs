using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Tracker.EndToEnd.Tests.BadInput;

/// <summary>
/// The dashboard opens from a short-lived link minted with a key, which is swapped for an HttpOnly, SameSite=Strict
/// cookie scoped to that panel's dashboard; no key ever goes into its URL, and a forged, expired or borrowed cookie or
/// link is refused with a 4xx.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class DashboardAccessTests(SecurityFixture stack)
{
    private const string CookieName = "tracker_dashboard";

    [Fact]
    public async Task A_minted_link_opens_the_dashboard_with_an_http_only_strict_cookie_and_no_key_in_any_url()
    {
        using var browser = NewBrowser();
        var link = await MintAsync(stack.PanelId);
        Assert.DoesNotContain(stack.Stack.AdminKey, link.Url, StringComparison.Ordinal);
        Assert.InRange(link.ExpiresAt - stack.Clock.GetUtcNow(), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15));

        var opened = await browser.GetAsync(link.Url);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var setCookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(CookieName + "=", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"path=/api/panels/{stack.PanelId}/dashboard", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(stack.Stack.AdminKey, setCookie, StringComparison.Ordinal);
        // The hand-over page moves on to the dashboard's own address, without the link.
        Assert.Contains($"url=/api/panels/{stack.PanelId}/dashboard\"", await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var dashboard = await browser.GetAsync($"api/panels/{stack.PanelId}/dashboard");

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.StartsWith("default-src 'none'", dashboard.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("Tracker dashboard", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_session_the_dashboard_is_refused_even_with_the_key()
    {
        using var browser = NewBrowser();

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync($"api/panels/{stack.PanelId}/dashboard")).StatusCode);
        // The key in the URL no longer opens it: that is what put the key into browser history.
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync($"api/panels/{stack.PanelId}/dashboard?code={Uri.EscapeDataString(stack.Stack.AdminKey)}")).StatusCode);
        var refusal = await stack.Admin.GetAsync($"api/panels/{stack.PanelId}/dashboard");
        Assert.Equal(HttpStatusCode.Unauthorized, refusal.StatusCode);
        Assert.Contains("dashboard-link", await refusal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forged_expired_and_other_panels_cookies_are_refused_with_401()
    {
        var now = stack.Clock.GetUtcNow();
        string[] cookies =
        [
            "garbage",
            Sign("session", stack.PanelId, now.AddHours(1), new byte[32]),                   // signed with a key that is not ours
            Sign("session", stack.PanelId, now.AddSeconds(-1), DerivedKey()),                 // ours, expired
            Sign("session", stack.OtherPanelId, now.AddHours(1), DerivedKey()),               // ours, another panel's
            Sign("link", stack.PanelId, now.AddMinutes(5), DerivedKey()),                     // ours, a link rather than a session
            stack.Token(stack.Answered),                                                      // a participant's token
        ];
        foreach (var cookie in cookies)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/panels/{stack.PanelId}/dashboard");
            request.Headers.Add("Cookie", $"{CookieName}={cookie}");
            using var anonymous = stack.Stack.Host.CreateClient();
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(request)).StatusCode);
        }

        // The same construction with a live expiry opens it, so the refusals above were the cookies' faults.
        using var genuine = new HttpRequestMessage(HttpMethod.Get, $"api/panels/{stack.PanelId}/dashboard");
        genuine.Headers.Add("Cookie", $"{CookieName}={Sign("session", stack.PanelId, now.AddHours(1), DerivedKey())}");
        using var client = stack.Stack.Host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(genuine)).StatusCode);
    }

    [Fact]
    public async Task Forged_expired_and_other_panels_links_are_refused_with_403_and_set_no_cookie()
    {
        var now = stack.Clock.GetUtcNow();
        var otherPanelsLink = new Uri((await MintAsync(stack.OtherPanelId)).Url).Query;
        string[] links =
        [
            "garbage",
            Sign("link", stack.PanelId, now.AddMinutes(5), new byte[32]),
            Sign("link", stack.PanelId, now.AddSeconds(-1), DerivedKey()),
            Sign("session", stack.PanelId, now.AddMinutes(5), DerivedKey()),
            stack.Token(stack.Answered),
        ];
        using var browser = NewBrowser();
        foreach (var link in links)
        {
            var response = await browser.GetAsync($"api/panels/{stack.PanelId}/dashboard/open?link={Uri.EscapeDataString(link)}");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync($"api/panels/{stack.PanelId}/dashboard/open{otherPanelsLink}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync($"api/panels/{stack.PanelId}/dashboard")).StatusCode);
    }

    [Fact]
    public async Task Minting_a_link_for_an_unknown_panel_is_a_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Admin.PostAsync("api/panels/pnosuchpanel/dashboard-link", null)).StatusCode);
    }

    private HttpClient NewBrowser() => new(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = stack.Stack.Host.BaseUrl };

    private async Task<(string Url, DateTimeOffset ExpiresAt)> MintAsync(string panelId)
    {
        var response = await stack.Admin.PostAsync($"api/panels/{panelId}/dashboard-link", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("url").GetString()!, body.GetProperty("expiresAt").GetDateTimeOffset());
    }

    /// <summary>The dashboard's signing key as the app derives it from the link key, for tokens only the key's holder could make.</summary>
    private byte[] DerivedKey() => HMACSHA256.HashData(stack.LinkKeyBytes, Encoding.UTF8.GetBytes("tracker dashboard access v1"));

    private static string Sign(string kind, string panelId, DateTimeOffset expiresAt, byte[] key)
    {
        var payload = Encoding.UTF8.GetBytes(string.Join('|', "d1", kind, SecurityFixture.LinkKeyId, panelId, expiresAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return System.Buffers.Text.Base64Url.EncodeToString(payload) + "." + System.Buffers.Text.Base64Url.EncodeToString(HMACSHA256.HashData(key, payload));
    }
}
