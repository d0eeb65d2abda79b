using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracker.LocalHost.Discovery;
using Tracker.LocalHost.Http;

namespace Tracker.LocalHost.Admin;

/// <summary>
/// The subset of the Functions host's admin API the local host offers, all behind the admin key:
/// <c>POST /admin/functions/{name}</c> with <c>{"input": "..."}</c> runs a timer or queue function now.
/// Unlike Azure (which answers 202 at once), it answers 202 only after the function has completed, or 500 with the
/// exception message if it threw, so tests and the demo can rely on its effects. <c>GET /admin/functions</c> lists
/// the functions; <c>GET /admin/host/status</c> answers when the host is up.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, IReadOnlyList<FunctionDescriptor> functions, ManualInvoker invoker, FunctionKeyAuthorizer authorizer, CancellationToken hostStopping)
    {
        var admin = endpoints.MapGroup("/admin").AddEndpointFilter(async (context, next) =>
            authorizer.IsMaster(context.HttpContext.Request)
                ? await next(context).ConfigureAwait(false)
                : Results.Json(new { error = $"The admin API requires the master key in the '{FunctionKeyAuthorizer.HeaderName}' header or the '{FunctionKeyAuthorizer.QueryName}' query parameter." }, statusCode: StatusCodes.Status401Unauthorized));

        admin.MapGet("/host/status", () => Results.Json(new { state = "Running", functionCount = functions.Count }));
        admin.MapGet("/functions", () => Results.Json(functions.Select(FunctionSummary.From)));
        admin.MapPost("/functions/{name}", async (string name, HttpRequest request) =>
        {
            string? input;
            try
            {
                input = await ReadInputAsync(request).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                return Results.Json(new { error = "The body must be JSON like {\"input\": \"...\"}: " + ex.Message }, statusCode: StatusCodes.Status400BadRequest);
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(request.HttpContext.RequestAborted, hostStopping);
            try
            {
                await invoker.InvokeAsync(name, input, linked.Token).ConfigureAwait(false);
                return Results.StatusCode(StatusCodes.Status202Accepted);
            }
            catch (FunctionNotFoundException ex)
            {
                return Results.Json(new { error = ex.Message }, statusCode: StatusCodes.Status404NotFound);
            }
            catch (InvalidOperationException ex) when (functions.Any(f => f.Kind == FunctionKind.Http && string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                return Results.Json(new { error = ex.Message }, statusCode: StatusCodes.Status400BadRequest);
            }
            catch (Exception ex)
            {
                return Results.Json(new { error = ex.Message, type = ex.GetType().FullName }, statusCode: StatusCodes.Status500InternalServerError);
            }
        });
    }

    private static async Task<string?> ReadInputAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        using var document = JsonDocument.Parse(body);
        if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("input", out var input))
        {
            return input.ValueKind switch
            {
                JsonValueKind.String => input.GetString(),
                JsonValueKind.Null => null,

                // An object or number input is passed on as its JSON text, which a POCO queue trigger can read.
                _ => input.GetRawText(),
            };
        }

        return null;
    }
}
