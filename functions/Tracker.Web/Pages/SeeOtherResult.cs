using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Tracker.Web.Pages;

/// <summary>303 See Other to a page of ours (a GET after a form post), with the participant pages' security headers.</summary>
public sealed record SeeOtherResult(string Location) : IResult, IActionResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status303SeeOther;
        PageSecurity.Apply(response.Headers);
        response.Headers.Location = Location;
        return Task.CompletedTask;
    }

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ExecuteAsync(context.HttpContext);
    }
}
