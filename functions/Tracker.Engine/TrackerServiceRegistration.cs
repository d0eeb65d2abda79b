using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tracker.Engine.Configuration;
using Tracker.Engine.Dashboard;
using Tracker.Engine.Email;
using Tracker.Engine.Exports;
using Tracker.Engine.Invitations;
using Tracker.Engine.Links;
using Tracker.Engine.Models;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Responses;
using Tracker.Engine.Sealing;
using Tracker.Engine.Status;
using Tracker.Engine.Storage;
using Tracker.Engine.Summaries;
using Tracker.Engine.Surveys;
using Tracker.Engine.Telemetry;

namespace Tracker.Engine;

/// <summary>The one registration both hosts call (Azure Functions' Program.cs and Tracker.LocalHost), so they run the same services.</summary>
public static class TrackerServiceRegistration
{
    public static IServiceCollection AddTracker(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddTrackerTelemetry(configuration);

        services.AddOptions<TrackerOptions>().Bind(configuration.GetSection(TrackerOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateDataAnnotations()
            .Validate(o => Enum.TryParse<MailKit.Security.SecureSocketOptions>(o.Security, true, out _), "Smtp:Security must be None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect.")
            .ValidateOnStart();
        services.AddOptions<Access.AuthOptions>().Bind(configuration.GetSection(Access.AuthOptions.Section));
        services.AddOptions<Access.HostKeyOptions>().Bind(configuration.GetSection(Access.HostKeyOptions.Section));
        services.AddOptions<LinkOptions>().Bind(configuration.GetSection(LinkOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<LinkOptions>, LinkOptionsValidator>();

        services.AddTrackerStorage(configuration);
        services.AddSingleton<PanelRepository>();
        services.AddSingleton<ParticipantRepository>();
        services.AddSingleton<InvitationLedger>();
        services.AddSingleton<ResponseRepository>();

        services.AddSingleton<LinkSigner>();
        services.AddSingleton<ParticipantLinks>();
        services.AddSmtpResilience();
        // Wall time, whatever clock the schedule runs on (the local host and the tests move theirs): a provider's quota is real.
        services.AddSingleton(sp => new GlobalSendRate(sp.GetRequiredService<TrackerStorage>(), sp.GetRequiredService<IOptions<SmtpOptions>>(), TimeProvider.System));
        services.AddSingleton<SmtpMailer>();

        services.AddSingleton<PanelService>();
        services.AddSingleton<PanelDirectory>();
        services.AddSingleton<Tracker.Engine.Deletion.PanelDeletion>();
        services.AddSingleton<AddressHasher>();
        services.AddSingleton<ContactIndex>();
        services.AddSingleton<ErasedAddresses>();
        services.AddSingleton<ParticipantImporter>();
        services.AddSingleton<DispatchQueueWriter>();
        services.AddSingleton<DispatchPlanner>();
        services.AddSingleton<WaveDispatcher>();
        services.AddSingleton<PanelStatusService>();
        services.AddSingleton<PanelDefinitionCache>();
        services.AddSingleton<Forms.FormOpening>();
        services.AddSingleton<SurveyService>();
        services.AddSingleton<Consent.ConsentRepository>();
        services.AddSingleton<Consent.ConsentGate>();
        services.AddSingleton<Consent.ConsentService>();
        services.AddSingleton<Consent.ConsentAdmin>();
        services.AddSingleton<Tracker.Engine.OptOut.OptOutService>();
        services.AddSingleton<IParticipantLedgerEraser, LedgerErasure>();
        services.AddSingleton<Tracker.Engine.Participants.ParticipantErasure>();
        services.AddSingleton<Tracker.Engine.Participants.ParticipantLookup>();
        services.AddSingleton<ScheduleEditor>();
        services.AddSingleton<Tracker.Engine.Plans.SendPlanService>();
        services.AddSingleton<ModelStore>();
        services.AddSingleton<WillingnessModelService>();
        services.AddSingleton<SummaryLedger>();
        services.AddSingleton<SubscriptionSigner>();
        services.AddSingleton<SummarySubscriptions>();
        services.AddSingleton<SummaryUnsubscribe>();
        services.AddSingleton<TrendSummaryService>();
        services.AddSingleton<Tracker.Engine.Retention.RetentionNoticeService>();
        services.AddSingleton<SealedWaveStore>();
        services.AddSingleton<WaveSealer>();
        services.AddSingleton<ClosedWaveSealing>();
        services.AddSingleton<TableResponseSource>();
        services.AddSingleton<IResponseSource, SealedFirstResponseSource>();
        services.AddSingleton<PanelExporter>();
        services.AddSingleton<DashboardService>();
        services.AddSingleton<DashboardAccess>();
        services.AddSingleton<Access.CallerResolver>();
        services.TryAddSingleton<Access.IFunctionKeyDirectory, Access.ArmFunctionKeyDirectory>();
        services.AddSingleton<Audit.AuditLog>();
        return services;
    }
}
