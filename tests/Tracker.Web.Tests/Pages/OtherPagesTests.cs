using Microsoft.AspNetCore.Http;
using Tracker.Engine.Forms;
using Tracker.Web.Pages;
using static Tracker.Web.Tests.Pages.HtmlInspection;

namespace Tracker.Web.Tests.Pages;

public class OtherPagesTests
{
    [Fact]
    public void Thank_you_page_says_saved_and_changeable_until_the_wave_closes()
    {
        var page = ThankYouPage.Page("Spring panel", "Friday 4 December at 18:00", "/api/r/tok?a=1&b=2");

        Assert.Equal(200, page.StatusCode);
        Assert.Contains("saved", page.Html, StringComparison.Ordinal);
        Assert.Contains("same link until this wave closes (Friday 4 December at 18:00)", page.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/r/tok?a=1&amp;b=2\"", page.Html, StringComparison.Ordinal);
        Assert.Equal(PageSecurity.StyleHash(StyleBlock(page.Html)), PageSecurity.StyleHash(StyleBlock(SurveyFormPage.Render(new SurveyFormModel(Tracker.Engine.Instruments.DefaultInstrument.Instance, "p", 1, 1, "x", "")))));
    }

    [Theory]
    [InlineData(404)]
    [InlineData(403)]
    [InlineData(410)]
    [InlineData(400)]
    [InlineData(503)]
    public void Problem_pages_carry_their_status_and_a_plain_message(int status)
    {
        var page = status switch
        {
            404 => ProblemPage.InvalidLink(),
            403 => ProblemPage.ExpiredLink(),
            410 => ProblemPage.WaveClosed(),
            400 => ProblemPage.BadRequest(),
            _ => ProblemPage.Unavailable(),
        };

        Assert.Equal(status, page.StatusCode);
        Assert.Equal(1, Count(page.Html, "h1"));
        Assert.True(Count(page.Html, "p") >= 1);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_page_encodes_its_text()
    {
        var html = ProblemPage.Render("<b>title</b>", "<script>alert(1)</script>");

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;title&lt;/b&gt;", Title(html), StringComparison.Ordinal);
    }

    [Fact]
    public void Security_headers_are_all_present()
    {
        var headers = PageSecurity.Headers.ToDictionary(h => h.Key, h => h.Value);

        Assert.Equal(PageSecurity.ContentSecurityPolicy, headers["Content-Security-Policy"]);
        Assert.Equal("no-referrer", headers["Referrer-Policy"]);
        Assert.Equal("no-store", headers["Cache-Control"]);
        Assert.Equal("nosniff", headers["X-Content-Type-Options"]);
        Assert.Equal("DENY", headers["X-Frame-Options"]);
    }

    [Fact]
    public async Task Writing_a_page_sets_status_type_headers_and_body()
    {
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;

        await ProblemPage.WaveClosed().ExecuteAsync(context);

        Assert.Equal(410, context.Response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", context.Response.ContentType);
        Assert.All(PageSecurity.Headers, h => Assert.Equal(h.Value, context.Response.Headers[h.Key].ToString()));
        var html = System.Text.Encoding.UTF8.GetString(body.ToArray());
        Assert.Contains("This survey has closed", html, StringComparison.Ordinal);
        Assert.Equal(body.Length, context.Response.ContentLength);
    }
}
