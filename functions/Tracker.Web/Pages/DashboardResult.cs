using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Tracker.Web.Pages;

/// <summary>
/// The dashboard page with the participant pages' security headers, except that its Content-Security-Policy admits
/// the dashboard's own style block (and still nothing else: no scripts, no external assets, no forms).
/// </summary>
public sealed record DashboardResult(int StatusCode, string Html) : IActionResult
{
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src '{PageSecurity.StyleHash(DashboardSheet.Css)}'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = HtmlPage.ContentType;
        PageSecurity.Apply(response.Headers);
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        var body = Encoding.UTF8.GetBytes(Html);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
