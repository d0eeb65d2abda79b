using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker.Middleware;
using Tracker.Web.Access;

namespace Tracker.Functions.Access;

/// <summary>
/// The Azure side of admin access around each HTTP invocation. Before: the key identity the Functions host attached
/// (claims <c>keyid</c> and <c>authlevel</c>, passed with the invocation) is put on <see cref="HttpContext.User"/>,
/// where <see cref="PresentedCaller"/> reads it, as the local host puts it there too. After: the request's audit row
/// (<see cref="AdminAuditRecorder"/>) with the answer's status.
/// </summary>
public sealed class AdminAuditMiddleware(AdminAuditRecorder recorder) : IFunctionsWorkerMiddleware
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

        if (http.User.FindFirst(PresentedCaller.KeyIdClaim) is null)
        {
            var request = await context.GetHttpRequestDataAsync();
            var keyIdentities = request?.Identities.Where(i => i.HasClaim(c => c.Type == PresentedCaller.KeyIdClaim)).ToList() ?? [];
            if (keyIdentities.Count == 0 && KeyLevel(context) is { } level)
            {
                // A Function- or Admin-level route is reached only with a key the host checked; if its name did not come
                // along, the caller is still a key holder (with the default key role), never nobody.
                keyIdentities.Add(new ClaimsIdentity([new Claim(PresentedCaller.KeyIdClaim, "(unnamed)"), new Claim(PresentedCaller.AuthLevelClaim, level)], PresentedCaller.KeyAuthenticationType));
            }

            if (keyIdentities.Count > 0) http.User = new ClaimsPrincipal(http.User.Identities.Concat(keyIdentities));
        }

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

    /// <summary>"Function" for a Function-level HTTP trigger (the host demanded a key), null otherwise.</summary>
    private static string? KeyLevel(FunctionContext context)
    {
        var entry = context.FunctionDefinition.EntryPoint;
        var dot = entry.LastIndexOf('.');
        var method = dot < 0 ? null : typeof(AdminAuditMiddleware).Assembly.GetType(entry[..dot])?.GetMethod(entry[(dot + 1)..]);
        var trigger = method?.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
        return trigger?.AuthLevel is AuthorizationLevel.Function ? "Function" : null;
    }
}
