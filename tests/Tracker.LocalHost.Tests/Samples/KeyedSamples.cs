using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Tracker.LocalHost.Tests.Samples;

/// <summary>One function per authorization level, and two at Function level so that one's key can be tried on the other.</summary>
public sealed class KeyedSamples
{
    /// <summary>A local host serving these functions only, without timers, queues or console logging.</summary>
    public static LocalFunctionHostOptions HostOptions(bool devSignIn = false) => new()
    {
        FunctionAssemblies = [typeof(KeyedSamples).Assembly],
        FunctionTypeFilter = t => t == typeof(KeyedSamples),
        Port = 0,
        EnableTimers = false,
        EnableQueueListeners = false,
        ConsoleLogging = false,
        DevSignIn = devSignIn,
    };

    [Function("Open")]
    public IActionResult Open([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "keyed/open")] HttpRequest request) => new OkObjectResult("open");

    [Function("Report")]
    public IActionResult Report([HttpTrigger(AuthorizationLevel.Function, "get", Route = "keyed/report")] HttpRequest request) => new OkObjectResult("report");

    [Function("Export")]
    public IActionResult Export([HttpTrigger(AuthorizationLevel.Function, "get", Route = "keyed/export")] HttpRequest request) => new OkObjectResult("export");

    /// <summary>How many claims the function finds on its request's principal (Azure's host gives an isolated worker none).</summary>
    [Function("Claims")]
    public IActionResult Claims([HttpTrigger(AuthorizationLevel.Function, "get", Route = "keyed/claims")] HttpRequest request) =>
        new OkObjectResult(request.HttpContext.User.Claims.Count());

    [Function("Purge")]
    public IActionResult Purge([HttpTrigger(AuthorizationLevel.Admin, "get", Route = "keyed/purge")] HttpRequest request) => new OkObjectResult("purge");
}
