using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tracker.EndToEnd.Tests.Faults;
using Tracker.LocalHost.App;
using Tracker.LocalHost.Stack;
using Tracker.Engine.Configuration;
using Tracker.Engine.Links;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Storage;
using Tracker.Engine.Summaries;

namespace Tracker.EndToEnd.Tests.Links;

/// <summary>
/// The Function App on the local host over an Azurite with its data on disk (so the outage test can stop and restart
/// it), configured with two link keys as after a rotation: <see cref="ActiveKeyId"/> signs, <see cref="RetiredKeyId"/>
/// still verifies. Links of every kind come from the app's own services, as the emails carry them.
/// </summary>
public sealed class LinksFixture : IAsyncLifetime
{
    public const string ActiveKeyId = "local";
    public const string RetiredKeyId = "retired";

    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    public AzuriteServer Azurite { get; private set; } = null!;

    public ScriptedSmtpServer Smtp { get; private set; } = null!;

    public TrackerStack Stack { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public string ActiveKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string RetiredKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private int emailCounter;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteServer.StartAsync(new AzuriteOptions { Persistent = true });
        Smtp = ScriptedSmtpServer.Start();
        var options = new TrackerStackOptions
        {
            StorageConnectionString = Azurite.ConnectionString,
            SmtpEndpoint = Smtp.Endpoint,
            Clock = Clock,
            EnableTimers = false,
            EnableQueueListeners = false,
            LinkKey = ActiveKey,
        };
        options.Settings[$"Links:Keys:{RetiredKeyId}"] = RetiredKey;
        Stack = await TrackerStack.StartAsync(options, CancellationToken.None);
        Admin = Stack.Host.CreateClient(withAdminKey: true);
        Anonymous = Stack.Host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        Anonymous.Dispose();
        await Stack.DisposeAsync();
        await Smtp.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    public T Service<T>()
        where T : notnull => Stack.Host.Services.GetRequiredService<T>();

    /// <summary>A two-wave panel whose first wave is open now, with <paramref name="participants"/> enrolled (UTC) and one stakeholder.</summary>
    public async Task<StudyPanel> PanelAsync(int participants)
    {
        var stakeholder = NextEmail("stakeholder");
        var created = await Admin.PostAsJsonAsync("api/panels", new
        {
            name = "Links panel",
            instrument = "default",
            stakeholders = new[] { stakeholder },
            schedule = new { start = Clock.GetUtcNow().AddHours(-1), waves = 2, interval = "P7D", window = "P5D" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var panelId = (await created.Content.ReadFromJsonAsync<StackFixture.CreatedPanel>())!.Id;
        var csv = new StringBuilder("email,time_zone\n");
        for (var i = 0; i < participants; i++) csv.Append(NextEmail("participant")).Append(",UTC\n");
        using (var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))
        {
            Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"api/panels/{panelId}/participants", content)).StatusCode);
        }

        var panel = (await Service<PanelRepository>().GetAsync(panelId, CancellationToken.None))!;
        var enrolled = await Service<ParticipantRepository>().ListAsync(panelId, CancellationToken.None);
        Assert.Equal(participants, enrolled.Count);
        return new StudyPanel(panel, [.. enrolled], stakeholder);
    }

    public async Task<Participant> ParticipantAsync(string panelId, string participantId) =>
        (await Service<ParticipantRepository>().GetAsync(panelId, participantId, CancellationToken.None))!;

    /// <summary>Participant links signed the way the app signs them, with the key it signs with or with the retired key.</summary>
    public ParticipantLinks ParticipantLinks(bool retiredKey = false) => retiredKey
        ? new ParticipantLinks(new LinkSigner(RetiredKeyOptions(), Clock), Service<IOptionsMonitor<TrackerOptions>>(), RetiredKeyOptions())
        : Service<ParticipantLinks>();

    /// <summary>Summary unsubscribe links signed the way the app signs them, with the key it signs with or with the retired key.</summary>
    public SummarySubscriptions Subscriptions(bool retiredKey = false) => retiredKey
        ? new SummarySubscriptions(Service<TrackerStorage>(), new SubscriptionSigner(RetiredKeyOptions()), Service<IOptionsMonitor<TrackerOptions>>())
        : Service<SummarySubscriptions>();

    /// <summary>The path and query of a link, for the test client.</summary>
    public static string PathOf(Uri link) => link.PathAndQuery.TrimStart('/');

    private IOptionsMonitor<LinkOptions> RetiredKeyOptions() => new FixedOptions<LinkOptions>(new LinkOptions
    {
        ActiveKeyId = RetiredKeyId,
        Keys = { [RetiredKeyId] = RetiredKey },
        GraceAfterClose = Service<IOptionsMonitor<LinkOptions>>().CurrentValue.GraceAfterClose,
    });

    private string NextEmail(string who) => $"{who}{Interlocked.Increment(ref emailCounter)}@links.example.org";

    public sealed record StudyPanel(Panel Panel, List<Participant> Participants, string Stakeholder)
    {
        public string Id => Panel.Id;
    }

    private sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
