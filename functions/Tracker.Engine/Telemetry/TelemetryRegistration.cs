using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Tracker.Engine.Telemetry;

/// <summary>
/// OpenTelemetry for the engine's <see cref="EngineTelemetry"/> source and meter, exported to Azure Monitor only when
/// the Application Insights connection string is set (infra/ sets it; locally and in tests nothing leaves the process).
/// </summary>
public static class TelemetryRegistration
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>"ClientId=…;Authorization=AAD": infra/ disables local authentication, so the exporter signs in as the app's identity.</summary>
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static IOpenTelemetryBuilder AddTrackerTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(EngineTelemetry.Name))
            .WithMetrics(metrics => metrics.AddMeter(EngineTelemetry.Name));
        if (ExportsToAzureMonitor(configuration))
        {
            builder.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = configuration[ConnectionStringSetting];
                options.Credential = Credential(configuration[AuthenticationStringSetting]);
            });
        }

        return builder;
    }

    public static bool ExportsToAzureMonitor(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[ConnectionStringSetting]);

    /// <summary>The managed identity named in the authentication string, or none (instrumentation-key ingestion) without one.</summary>
    internal static TokenCredential? Credential(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString)) return null;
        var parts = authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (!string.Equals(parts.GetValueOrDefault("Authorization"), "AAD", StringComparison.OrdinalIgnoreCase)) return null;
        var clientId = parts.GetValueOrDefault("ClientId");
        return new ManagedIdentityCredential(string.IsNullOrEmpty(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));
    }
}
