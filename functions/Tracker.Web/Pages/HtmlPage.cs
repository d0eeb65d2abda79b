using Tracker.Engine.Forms;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Tracker.Web.Pages;

/// <summary>
/// A rendered participant page with its status code. Writing it always adds <see cref="PageSecurity.Headers"/>, so an
/// HTTP function cannot forget them; it can be returned directly as an <see cref="IActionResult"/> or <see cref="IResult"/>.
/// </summary>
public sealed record HtmlPage(int StatusCode, string Html) : IResult, IActionResult
{
    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>Sent as Retry-After (whole seconds) when set: a 503 tells browsers and proxies when to come back.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public async Task WriteAsync(HttpResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        PageSecurity.Apply(response.Headers);
        if (RetryAfter is { } wait)
        {
            response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var body = Encoding.UTF8.GetBytes(Html);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken);
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return WriteAsync(httpContext.Response, httpContext.RequestAborted);
    }

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ExecuteAsync(context.HttpContext);
    }
}
