using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Tracker.Panels;

/// <summary>The one registration both hosts call (Azure Functions' Program.cs and Tracker.LocalHost), so they run the same services.</summary>
public static class TrackerServiceRegistration
{
    public static IServiceCollection AddTracker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
