using System.Net;
using System.Text.RegularExpressions;
using Tracker.Engine.Access;

namespace Tracker.EndToEnd.Tests.Team;

/// <summary>A browser that opens a dashboard's address without a session is offered the sign-in, and comes back to it.</summary>
[Collection(TeamCollection.Name)]
public sealed partial class DashboardSignInTests(TeamFixture team)
{
    [Fact]
    public async Task Opening_the_dashboard_signed_out_offers_the_sign_in_which_comes_back_to_the_dashboard()
    {
        var panelId = await team.CreatePanelAsync(team.As(Role.Manager));
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = team.Stack.Host.BaseUrl };

        using var refused = await browser.GetAsync($"api/panels/{panelId}/dashboard");
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var signIn = WebUtility.HtmlDecode(SignInLink().Match(page).Groups[1].Value);
        Assert.Equal($"/.auth/login/dev?post_login_redirect_uri=%2Fapi%2Fpanels%2F{panelId}%2Fdashboard", signIn);

        // The sign-in page carries the way back in its form; signing in as a viewer goes there, and the dashboard opens.
        var form = await browser.GetStringAsync(signIn.TrimStart('/'));
        var redirect = WebUtility.HtmlDecode(RedirectField().Match(form).Groups[1].Value);
        using var signedIn = await browser.PostAsync(".auth/login/dev", new FormUrlEncodedContent([new("name", "Liaison"), new("roles", "viewer"), new("redirect", redirect)]));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal($"/api/panels/{panelId}/dashboard", signedIn.Headers.Location?.ToString());

        using var dashboard = await browser.GetAsync(signedIn.Headers.Location!.ToString().TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Team study", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("""<a href="([^"]+)">Sign in</a>""")]
    private static partial Regex SignInLink();

    [GeneratedRegex("name=\"redirect\" value=\"([^\"]*)\"")]
    private static partial Regex RedirectField();
}
