using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using FromBodyAttribute = Microsoft.Azure.Functions.Worker.Http.FromBodyAttribute;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tracker.LocalHost.Tests.Samples;

public sealed class HttpSamples(Greeter greeter, ILogger<HttpSamples> logger)
{
    [Function("Hello")]
    public IActionResult Hello([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "hello/{name}")] HttpRequest request, string name)
    {
        logger.LogInformation("Greeting {NameLength} characters", name.Length);
        return new OkObjectResult(new { Greeting = greeter.Greet(name), NameLength = name.Length });
    }

    [Function("ItemById")]
    public IResult ItemById([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "items/{id:int}")] HttpRequest request, int id) =>
        Results.Ok(new { ItemId = id });

    [Function("ThingByKey")]
    public Task<IActionResult> ThingByKey([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "things/{key:guid}")] HttpRequest request, Guid key) =>
        Task.FromResult<IActionResult>(new ContentResult { Content = key.ToString("N"), ContentType = "text/plain", StatusCode = 200 });

    [Function("Count")]
    public ValueTask<IActionResult> Count([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "count/{n}")] HttpRequest request, long n) =>
        ValueTask.FromResult<IActionResult>(new JsonResult(new { Next = n + 1 }));

    [Function("Secret")]
    public IActionResult Secret([HttpTrigger(AuthorizationLevel.Function, "get", Route = "secret")] HttpRequest request) =>
        new ContentResult { Content = "the secret", ContentType = "text/plain" };

    [Function("AdminEcho")]
    public async Task<IActionResult> AdminEcho([HttpTrigger(AuthorizationLevel.Admin, "post")] HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        return new ObjectResult(new { Received = body }) { StatusCode = StatusCodes.Status201Created };
    }

    [Function("Context")]
    public IActionResult Context(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "context/{token}")] HttpRequest request,
        string token,
        FunctionContext context,
        HttpContext httpContext,
        CancellationToken cancellationToken)
    {
        var fromScope = context.InstanceServices.GetRequiredService<Greeter>();
        return new OkObjectResult(new
        {
            Token = token,
            context.FunctionDefinition.Name,
            HasInvocationId = !string.IsNullOrEmpty(context.InvocationId),
            SameRequest = ReferenceEquals(httpContext.Request, request),
            Method = request.Method,
            ScopedGreeter = fromScope.Greet("scope"),
            HttpContextFromItems = ReferenceEquals(context.GetHttpContext(), httpContext),
            CanBeCancelled = cancellationToken.CanBeCanceled,
        });
    }

    [Function("NoContent")]
    public Task NoContent([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "nothing")] HttpRequest request)
    {
        request.HttpContext.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    [Function("Boom")]
    public IActionResult Boom([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "boom")] HttpRequest request) =>
        throw new InvalidOperationException("kaboom");

    [Function("CreateWork")]
    public IActionResult CreateWork([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "work")] HttpRequest request, [FromBody] WorkItem item) =>
        new CreatedResult("/api/work/1", item with { Amount = item.Amount * 2 });

    [Function("AnyMethod")]
    public static IActionResult AnyMethod([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest request) =>
        new OkObjectResult(new { request.Method });
}
