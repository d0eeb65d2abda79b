using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tracker.Web.Access;
using Tracker.LocalHost.Discovery;
using Tracker.LocalHost.Invocation;

namespace Tracker.LocalHost.Http;

/// <summary>Maps every HTTP function to its route and methods on Kestrel.</summary>
internal static class HttpFunctionEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, IEnumerable<FunctionDescriptor> functions, FunctionInvoker invoker, FunctionKeyAuthorizer authorizer, ILogger logger)
    {
        foreach (var function in functions.Where(f => f.Kind == FunctionKind.Http))
        {
            var http = function.Http!;
            RequestDelegate handler = context => HandleAsync(context, function, invoker, authorizer, logger);
            var pattern = "/" + http.Template;
            var builder = http.Methods.Count == 0
                ? endpoints.Map(pattern, handler)
                : endpoints.MapMethods(pattern, http.Methods, handler);
            builder.WithDisplayName("Functions." + function.Name);
        }
    }

    private static async Task HandleAsync(HttpContext context, FunctionDescriptor function, FunctionInvoker invoker, FunctionKeyAuthorizer authorizer, ILogger logger)
    {
        if (!authorizer.IsAuthorized(context.Request, function.Http!.AuthLevel, function.Name))
        {
            await FunctionKeyAuthorizer.WriteUnauthorizedAsync(context, function.Http.AuthLevel).ConfigureAwait(false);
            return;
        }

        // As the worker's middleware does in Azure: the app checks the presented key itself, before the function runs.
        await PresentedCaller.CheckKeyAsync(context, function.Name, context.RequestAborted).ConfigureAwait(false);

        object? result;
        try
        {
            result = await invoker.InvokeAsync(function, new HttpTriggerInput(context), context.RequestServices, context.RequestAborted).ConfigureAwait(false);
        }
        catch (ParameterBindingException ex)
        {
            await Results.Json(new { error = ex.Message }, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            logger.LogInformation("Request for function {FunctionName} was aborted by the client", function.Name);
            return;
        }
        catch (Exception) when (!context.Response.HasStarted)
        {
            // The invoker has logged it; like the host, the client gets a bare 500 without the exception.
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        await FunctionResultExecutor.ExecuteAsync(context, function.ReturnKind, result).ConfigureAwait(false);

        // As the worker's middleware does in Azure: the admin request's audit row, with the status it was answered.
        if (context.RequestServices.GetService<AdminAuditRecorder>() is { } audit)
        {
            await audit.CompleteAsync(context, context.Response.StatusCode, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
