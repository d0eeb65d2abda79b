using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tracker.Engine;
using Tracker.Web;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<Tracker.Functions.Access.AdminAccessMiddleware>();
builder.Services.AddTracker(builder.Configuration);
builder.Services.AddTrackerWeb(builder.Configuration);

// The engine's composition adds its own source and meter (and the Azure Monitor exporter when configured); the worker's
// defaults add the invocation spans and the resource attributes Application Insights groups by.
builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
builder.Build().Run();
