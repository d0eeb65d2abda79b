using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Engine;
using Tracker.Engine.Email;
using Tracker.Web.Emails;
using Tracker.Web.Participants;
using Tracker.Web.Security;

namespace Tracker.Web;

/// <summary>
/// The engine (<see cref="TrackerServiceRegistration.AddTracker"/>) plus its web side: the pages behind participants'
/// links, the email bodies (<see cref="RazorEmailBodyRenderer"/>) and the public rate limit. Both hosts call this one (Azure Functions' Program.cs and Tracker.LocalHost).
/// </summary>
public static class TrackerWebRegistration
{
    public static IServiceCollection AddTrackerWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTracker(configuration);
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IEmailBodyRenderer, RazorEmailBodyRenderer>();
        services.AddSingleton<PublicRateLimiter>();
        services.AddSingleton<SurveyPages>();
        services.AddSingleton<OptOutPages>();
        services.AddSingleton<ConsentPages>();
        services.AddSingleton<SummaryUnsubscribePages>();
        services.AddSingleton<Access.AdminGate>();
        services.AddSingleton<Access.AdminAuditRecorder>();
        return services;
    }
}
