using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Tracker.LocalHost.Invocation;

namespace Tracker.LocalHost.Http;

/// <summary>Writes an HTTP function's return value to the response, as the ASP.NET Core integration does.</summary>
internal static class FunctionResultExecutor
{
    public static async Task ExecuteAsync(HttpContext context, ReturnKind kind, object? result)
    {
        switch (kind)
        {
            case ReturnKind.ActionResult when result is IActionResult actionResult:
                // MVC result executors (ObjectResult, JsonResult, ContentResult…) need an ActionContext; AddMvcCore registers them.
                var actionContext = new ActionContext(context, context.GetRouteData(), new ActionDescriptor());
                await actionResult.ExecuteResultAsync(actionContext).ConfigureAwait(false);
                break;
            case ReturnKind.Result when result is IResult httpResult:
                await httpResult.ExecuteAsync(context).ConfigureAwait(false);
                break;
            default:
                // void/Task functions write the response themselves; a null result leaves the default 200 (or what they set).
                break;
        }
    }
}
