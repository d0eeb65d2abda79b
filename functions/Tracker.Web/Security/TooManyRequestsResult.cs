using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tracker.Web.Pages;

namespace Tracker.Web.Security;

/// <summary>The 429 page: the usual participant page (and its security headers) plus Retry-After in whole seconds.</summary>
public sealed class TooManyRequestsResult(TimeSpan retryAfter) : IActionResult
{
    public const string Title = "Too many requests";

    public TimeSpan RetryAfter { get; } = retryAfter;

    public HtmlPage Page => ProblemPage.Page(StatusCodes.Status429TooManyRequests, Title,
        $"Too many requests came from your network in a short time, so this one was not handled. Please wait {Wait(RetryAfter)} and try again with the same link.\n\nIf you were submitting answers, they have not been saved yet; go back and submit the form again.");

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HttpContext.Response.Headers.RetryAfter = PublicRateLimiter.SecondsOf(RetryAfter).ToString(CultureInfo.InvariantCulture);
        return Page.ExecuteResultAsync(context);
    }

    private static string Wait(TimeSpan wait)
    {
        var seconds = PublicRateLimiter.SecondsOf(wait);
        return seconds switch
        {
            1 => "a second",
            < 60 => $"{seconds} seconds",
            < 120 => "a minute",
            _ => $"{(seconds + 59) / 60} minutes",
        };
    }
}
