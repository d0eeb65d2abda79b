using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Tracker.LocalHost.App;
using Tracker.LocalHost.Stack;
using Tracker.Engine.Instruments;

namespace Tracker.Browser.Tests;

/// <summary>
/// The real stack (Azurite, smtp4dev, the Function App on the local host, a fake clock) and Debian's Chromium driven
/// by Playwright. Nothing is downloaded: Playwright's driver ships in its package and the browser is /usr/bin/chromium.
/// </summary>
public sealed partial class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    public TrackerStack Stack { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public Smtp4devClient Inbox { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots and page captures kept as test artifacts.</summary>
    public static string ArtifactsFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (apt-get install -y chromium); .ci/test.sh does it when missing.");
        }

        Stack = await TrackerStack.StartAsync(new TrackerStackOptions { Clock = Clock, EnableTimers = false, EnableQueueListeners = true, DevSignIn = true }, CancellationToken.None);
        Admin = Stack.Host.CreateClient(withAdminKey: true);
        Anonymous = Stack.Host.CreateClient();
        Inbox = Stack.Smtp4dev!.CreateClient();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        Admin.Dispose();
        Anonymous.Dispose();
        Inbox.Dispose();
        await Stack.DisposeAsync();
    }

    /// <summary>A page with its own context; admin pages get the key as a header, so it never appears in a URL.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool admin = false, bool isMobile = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = isMobile,
            HasTouch = isMobile,
            DeviceScaleFactor = isMobile ? 2 : 1,
            ExtraHTTPHeaders = admin ? new Dictionary<string, string> { ["x-functions-key"] = Stack.AdminKey } : null,
        });
        return await context.NewPageAsync();
    }

    public string Url(string relative) => new Uri(Stack.ApiBaseUrl, relative).ToString();

    /// <summary>
    /// Opens a panel's dashboard as a researcher does: a link minted with the key (which stays out of the browser), opened
    /// in the page, which swaps it for a session cookie and moves on to the dashboard. Returns the dashboard's response.
    /// </summary>
    public async Task<IResponse> OpenDashboardAsync(IPage page, string panelId)
    {
        var minted = await (await Admin.PostAsync($"api/panels/{panelId}/dashboard-link", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var dashboardUrl = Url($"panels/{panelId}/dashboard");
        var arrived = page.WaitForResponseAsync(dashboardUrl);
        // Commit only: the hand-over page moves on by itself at once, which a wait for its load would race.
        await page.GotoAsync(minted.GetProperty("url").GetString()!, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        var response = await arrived;
        await page.WaitForURLAsync(dashboardUrl);
        return response;
    }

    public async Task<string> CreatePanelAsync(int waves = 3)
    {
        var response = await Admin.PostAsJsonAsync("api/panels", new
        {
            name = "Short-video co-creation study",
            instrument = "default",
            schedule = new { start = Clock.GetUtcNow(), waves, interval = "P7D", window = "P5D" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task ImportAsync(string panelId, IEnumerable<string> emails)
    {
        using var content = new StringContent("email\n" + string.Join('\n', emails), System.Text.Encoding.UTF8, "text/csv");
        var response = await Admin.PostAsync($"api/panels/{panelId}/participants", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task DispatchAsync(string panelId, int wave) =>
        Assert.Equal(HttpStatusCode.Accepted, (await Admin.PostAsync($"api/panels/{panelId}/waves/{wave}/dispatch", null)).StatusCode);

    public async Task<JsonElement> StatusAsync(string panelId) => await Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/status");

    public static string[] Emails(int count) => Enumerable.Range(1, count).Select(i => $"b{i}-{Guid.NewGuid():N}@example.org").ToArray();

    /// <summary>One new participant in the panel, invited to wave 1: the link of their invitation.</summary>
    public async Task<string> InviteOneAsync(string panelId)
    {
        var email = Emails(1);
        await ImportAsync(panelId, email);
        await DispatchAsync(panelId, 1);
        return (await LinksForAsync(email, wave: 1))[email[0]];
    }

    /// <summary>The personal links smtp4dev received for these addresses, read from the emails' plain-text part.</summary>
    public async Task<Dictionary<string, string>> LinksForAsync(IReadOnlyCollection<string> emails, int wave)
    {
        var wanted = new HashSet<string>(emails, StringComparer.OrdinalIgnoreCase);
        bool Matches(Smtp4devMessageSummary m) => m.Subject.Contains($"wave {wave} of", StringComparison.Ordinal) && m.To.Any(wanted.Contains);
        var messages = await Inbox.WaitForMessagesAsync(all => all.Count(Matches) >= wanted.Count, TimeSpan.FromSeconds(30));
        var links = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var message in messages.Where(Matches))
        {
            var link = LinkPattern().Match(await Inbox.GetPlainTextAsync(message.Id));
            Assert.True(link.Success, "no survey link in an invitation");
            links[message.To.First(wanted.Contains)] = link.Value;
        }

        return links;
    }

    /// <summary>The opt-out link in the footer of the invitation this address received.</summary>
    public async Task<string> OptOutLinkAsync(string email)
    {
        var invitation = (await Inbox.ListMessagesAsync()).First(m => m.To.Contains(email, StringComparer.OrdinalIgnoreCase));
        var link = OptOutLinkPattern().Match(await Inbox.GetPlainTextAsync(invitation.Id));
        Assert.True(link.Success, "no opt-out link in the invitation");
        return link.Value;
    }

    /// <summary>Submits a whole form over HTTP with every item answered <paramref name="value"/>.</summary>
    public async Task SubmitAsync(string link, int value)
    {
        var answers = DefaultInstrument.Instance.Items.Select(i => new KeyValuePair<string, string>(i.Id, value.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.OK, (await Anonymous.PostAsync(link, new FormUrlEncodedContent(answers))).StatusCode);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/api/r/[A-Za-z0-9_\-\.]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/api/o/[A-Za-z0-9_\-\.]+")]
    private static partial Regex OptOutLinkPattern();
}
