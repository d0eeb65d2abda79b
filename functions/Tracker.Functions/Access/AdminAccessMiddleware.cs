using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Tracker.Web.Access;

namespace Tracker.Functions.Access;

/// <summary>
/// The Azure side of admin access around each HTTP invocation. Before: the key the request presents is checked against
/// the Function App's own keys (<see cref="PresentedCaller.CheckKeyAsync"/>) — the host forwards the request to this
/// worker without saying which key it admitted, so the app has to look for itself. After: the request's audit row
/// (<see cref="AdminAuditRecorder"/>) with the answer's status. The local host does the same two steps around its calls.
/// </summary>
public sealed class AdminAccessMiddleware(AdminAuditRecorder recorder) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.GetHttpContext();
        if (http is null)
        {
            await next(context);
            return;
        }

        await PresentedCaller.CheckKeyAsync(http, context.FunctionDefinition.Name, context.CancellationToken);
        await next(context);
        var status = context.GetInvocationResult().Value switch
        {
            ObjectResult { StatusCode: { } code } => code,
            IStatusCodeActionResult { StatusCode: { } code } => code,
            null => http.Response.StatusCode,
            _ => StatusCodes.Status200OK,
        };
        await recorder.CompleteAsync(http, status, CancellationToken.None);
    }
}
