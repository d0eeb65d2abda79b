using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Tracker.LocalHost.App;
using Tracker.Engine.Links;
using Tracker.Engine.Storage;

namespace Tracker.EndToEnd.Tests.BadInput;

/// <summary>
/// A stack of its own for the bad-input and security tests, so that every log line it writes is captured and no other
/// test's data is in the snapshots. It holds one panel whose instrument is full of markup and spreadsheet formulas, and
/// participants with known ids so that tokens can be signed here with the stack's own key.
/// </summary>
public sealed class SecurityFixture : IAsyncLifetime
{
    public const string LinkKeyId = "local";

    /// <summary>The one tenant whose sign-ins hold roles here (<c>Tracker:Auth:TenantId</c>); the corpus signs in from it and from another.</summary>
    public const string TenantId = "11111111-2222-3333-4444-555555555555";

    /// <summary>Strings that must never reach a page unencoded; each appears somewhere in <see cref="HostilePanel"/>.</summary>
    public static readonly string[] Markup =
    [
        "<script>alert('title')</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg onload=alert(2)>",
        "</textarea><script>alert(3)</script>",
        "<a href=\"javascript:alert(4)\">click</a>",
        "<iframe src=//evil.example></iframe>",
        "<style>body{display:none}</style>",
        "' onmouseover='alert(5)",
    ];

    private readonly string linkKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    public CapturedLogs Logs { get; } = new();

    public TrackerStack Stack { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public LinkSigner Signer { get; private set; } = null!;

    public string PanelId { get; private set; } = "";

    public string OtherPanelId { get; private set; } = "";

    /// <summary>Answered wave 1 before any bad input was sent: the response bad posts must leave alone.</summary>
    public string Answered { get; private set; } = "";

    /// <summary>Enrolled but has not answered; used for pages that must render without storing.</summary>
    public string Fresh { get; private set; } = "";

    /// <summary>A genuine participant whose rows were then erased: their genuine link must look like garbage.</summary>
    public string Erased { get; private set; } = "";

    public IReadOnlyList<string> Emails { get; } = StackFixture.Emails(4);

    /// <summary>Every item id of the hostile instrument, in order.</summary>
    public IReadOnlyList<string> ItemIds { get; } = ["trust_1", "trust_2", "trust_3", "willingness_1", "willingness_2"];

    /// <summary>Every genuine token signed for these tests, so the log check can look for each.</summary>
    public IReadOnlyCollection<string> IssuedTokens => issued;

    private readonly List<string> issued = [];

    public async Task InitializeAsync()
    {
        var options = new TrackerStackOptions
        {
            Clock = Clock,
            EnableTimers = false,
            EnableQueueListeners = false,
            LinkKey = linkKey,
            MinimumLogLevel = LogLevel.Debug,
            ConfigureLogging = logging => logging.AddProvider(Logs),
            DevSignIn = true,
        };
        options.Settings["Tracker:Auth:TenantId"] = TenantId;

        // The key-level test's named host key acts as owner, so what it meets on every keyed function is the key check alone.
        options.Settings["Tracker:Auth:KeyRoles:researcher-ada"] = "owner";
        Stack = await TrackerStack.StartAsync(options, CancellationToken.None);
        Admin = Stack.Host.CreateClient(withAdminKey: true);
        Anonymous = Stack.Host.CreateClient();
        Signer = Stack.Host.Services.GetRequiredService<LinkSigner>();

        PanelId = await CreateAsync(HostilePanel(Clock.GetUtcNow()));
        OtherPanelId = await CreateAsync(new JsonObject
        {
            ["name"] = "Another study",
            ["instrument"] = "default",
            ["schedule"] = new JsonObject { ["start"] = Clock.GetUtcNow().ToString("O"), ["waves"] = 2, ["interval"] = "P7D", ["window"] = "P5D" },
        });

        var csv = new StringBuilder("email,external_id,time_zone\n");
        string[] externalIds = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+SUM(1;2)", "@cmd", "-2+3"];
        for (var i = 0; i < Emails.Count; i++) csv.Append(Emails[i]).Append(",\"").Append(externalIds[i].Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\",UTC\n");
        using (var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))
        {
            var imported = await Admin.PostAsync($"api/panels/{PanelId}/participants", content);
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        var ids = await ParticipantIdsByEmailAsync(PanelId);
        Answered = ids[Emails[0]];
        Fresh = ids[Emails[1]];
        Erased = ids[Emails[2]];

        var saved = await Anonymous.PostAsync(SurveyPath(Token(Answered)), Form(ItemIds.Select(id => (id, "4"))));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        // Erasure removes the contact and the participant row: what is left of them is a link that once worked.
        var service = new TableServiceClient(Stack.StorageConnectionString);
        await service.GetTableClient(StorageNames.ContactsTable).DeleteEntityAsync(PanelId, Erased);
        await service.GetTableClient(StorageNames.ParticipantsTable).DeleteEntityAsync(PanelId, Erased);
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        Anonymous.Dispose();
        await Stack.DisposeAsync();
    }

    /// <summary>A genuine token, as an invitation would carry it (expires a day after wave <paramref name="wave"/>'s window).</summary>
    public string Token(string participantId, int wave = 1, string? panelId = null, DateTimeOffset? expiresAt = null)
    {
        var token = Signer.Sign(new LinkToken(panelId ?? PanelId, participantId, wave, expiresAt ?? Clock.GetUtcNow().AddDays(7)));
        lock (issued) issued.Add(token);
        return token;
    }

    /// <summary>A token in the stack's format signed with any key: how a forger without our key would make one.</summary>
    public static string Forge(string payload, byte[] key)
    {
        var bytes = Encoding.UTF8.GetBytes(payload);
        return System.Buffers.Text.Base64Url.EncodeToString(bytes) + "." + System.Buffers.Text.Base64Url.EncodeToString(HMACSHA256.HashData(key, bytes));
    }

    /// <summary>The payload <see cref="LinkSigner"/> signs, for forgeries that differ from a genuine one in one part.</summary>
    public string Payload(string participantId, int wave = 1, string? panelId = null, string keyId = LinkKeyId, DateTimeOffset? expiresAt = null, string version = "1") =>
        string.Join('|', version, keyId, panelId ?? PanelId, participantId, wave.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (expiresAt ?? Clock.GetUtcNow().AddDays(7)).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Our own key: forging with it proves the payload check, not the MAC, refused the token.</summary>
    public byte[] LinkKeyBytes => Convert.FromBase64String(linkKey);

    public static string SurveyPath(string token) => "api/r/" + Uri.EscapeDataString(token);

    public static FormUrlEncodedContent Form(IEnumerable<(string Name, string Value)> fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>Mints a dashboard link with the key and opens it with <paramref name="client"/>, whose cookie jar keeps the session.</summary>
    public async Task OpenDashboardSessionAsync(HttpClient client, string panelId)
    {
        var minted = await (await Admin.PostAsync($"api/panels/{panelId}/dashboard-link", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        (await client.GetAsync((string)minted!["url"]!)).EnsureSuccessStatusCode();
    }

    public Task<string> SnapshotAsync() => StorageSnapshot.TakeAsync(Stack.StorageConnectionString);

    public async Task<Dictionary<string, string>> ParticipantIdsByEmailAsync(string panelId)
    {
        var contacts = new TableServiceClient(Stack.StorageConnectionString).GetTableClient(StorageNames.ContactsTable);
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var contact in contacts.QueryAsync<TableEntity>(e => e.PartitionKey == panelId))
        {
            ids[contact.GetString(nameof(ContactEntity.Email))] = contact.RowKey;
        }

        return ids;
    }

    private async Task<string> CreateAsync(JsonObject definition)
    {
        var response = await Admin.PostAsJsonAsync("api/panels", definition);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<StackFixture.CreatedPanel>())!.Id;
    }

    /// <summary>Markup in every text a researcher writes, and formulas where an export might carry them.</summary>
    public static JsonObject HostilePanel(DateTimeOffset start) => new()
    {
        ["name"] = "Panel " + Markup[0],
        ["instrument"] = new JsonObject
        {
            ["id"] = "hostile",
            ["title"] = "Title " + Markup[1],
            ["introduction"] = "Intro " + Markup[2] + "\n\n" + Markup[3],
            ["language"] = "en",
            ["scale"] = new JsonObject
            {
                ["min"] = 1,
                ["max"] = 5,
                ["labels"] = new JsonArray("=1+1 " + Markup[4], "disagree", "neutral", "agree", "@SUM(A1)"),
            },
            ["constructs"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = "trust",
                    ["name"] = "=HYPERLINK(\"http://evil.example\") " + Markup[5],
                    ["layer"] = "attitude",
                    ["items"] = new JsonArray(
                        Item("trust_1", "=cmd|' /C calc'!A0 " + Markup[6], false),
                        Item("trust_2", "+1+1 " + Markup[7], true),
                        Item("trust_3", "-1+1 plain", false)),
                },
                new JsonObject
                {
                    ["id"] = "willingness",
                    ["name"] = "Willingness",
                    ["layer"] = "outcome",
                    ["items"] = new JsonArray(Item("willingness_1", "@SUM(1,2) ünïcödé ✓ 🙂", false), Item("willingness_2", "I would go on", false)),
                }),
        },
        ["schedule"] = new JsonObject { ["start"] = start.ToString("O"), ["waves"] = 3, ["interval"] = "P7D", ["window"] = "P5D" },
    };

    private static JsonObject Item(string id, string text, bool reversed) => new() { ["id"] = id, ["text"] = text, ["reversed"] = reversed };
}
