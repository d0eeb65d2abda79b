using System.Net;
using System.Text;
using Azure.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Tracker.Engine.Access;

namespace Tracker.Engine.Tests.Access;

/// <summary>
/// The app's check of a presented key against the Function App's keys as Resource Manager lists them. Resource Manager
/// is a scripted handler here (a pure unit test): what is asked of it, with which token, and how often.
/// </summary>
public sealed class ArmFunctionKeyDirectoryTests : IDisposable
{
    private const string Site = "/subscriptions/s1/resourceGroups/rg-tracker/providers/Microsoft.Web/sites/func-tracker";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly ScriptedArm _arm = new();
    private readonly ArmFunctionKeyDirectory _directory;

    public ArmFunctionKeyDirectoryTests()
    {
        _arm.HostKeys = """{"masterKey":"m-key","functionKeys":{"default":"d-key","ci":"ci-key"},"systemKeys":{"durabletask_extension":"sys-key"}}""";
        _arm.FunctionKeys["GetPanelStatus"] = """{"id":"x","name":"x","properties":{"status-board":"sb-key"}}""";
        _directory = Directory(new HostKeyOptions { SiteResourceId = Site, ManagementEndpoint = new Uri("https://management.example/") });
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Host_keys_and_the_master_key_are_known_by_name_and_system_keys_are_not_admitted()
    {
        Assert.Equal(KeyCheck.Admitted("ci", false), await CheckAsync("ci-key", "ExportPanel"));
        Assert.Equal(KeyCheck.Admitted("master", true), await CheckAsync("m-key", "ExportPanel"));
        Assert.Equal(KeyCheckOutcome.Unknown, (await CheckAsync("sys-key", "ExportPanel")).Outcome);

        var first = _arm.Requests[0];
        Assert.Equal(HttpMethod.Post, first.Method);
        Assert.Equal($"https://management.example{Site}/host/default/listkeys?api-version={ArmFunctionKeyDirectory.ApiVersion}", first.Uri);
        Assert.Equal("Bearer token-for:https://management.example/.default", first.Authorization);
    }

    [Fact]
    public async Task A_function_key_opens_its_own_function_only()
    {
        Assert.Equal(KeyCheck.Admitted("status-board", false), await CheckAsync("sb-key", "GetPanelStatus"));
        Assert.Equal(KeyCheckOutcome.Unknown, (await CheckAsync("sb-key", "ExportPanel")).Outcome);
        Assert.Contains(_arm.Requests, r => r.Uri.Contains("/functions/GetPanelStatus/listkeys", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lists_are_reused_for_five_minutes_and_a_miss_rereads_them_at_most_every_30_seconds()
    {
        await CheckAsync("ci-key", "ExportPanel");
        await CheckAsync("ci-key", "ExportPanel");
        Assert.Single(_arm.Requests);

        // A key created after the read: the miss rereads (the first miss at once, since the list is older than 30 s).
        _arm.HostKeys = """{"masterKey":"m-key","functionKeys":{"ci":"ci-key","new":"new-key"}}""";
        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(KeyCheck.Admitted("new", false), await CheckAsync("new-key", "ExportPanel"));
        var afterNew = _arm.Requests.Count;

        // A run of wrong keys within 30 s costs no further reads.
        for (var i = 0; i < 5; i++) Assert.Equal(KeyCheckOutcome.Unknown, (await CheckAsync("wrong-" + i, "ExportPanel")).Outcome);
        Assert.Equal(afterNew, _arm.Requests.Count);

        // A revoked key stops working once the five minutes are up.
        _arm.HostKeys = """{"masterKey":"m-key","functionKeys":{"new":"new-key"}}""";
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(KeyCheckOutcome.Unknown, (await CheckAsync("ci-key", "ExportPanel")).Outcome);
    }

    [Fact]
    public async Task When_resource_manager_refuses_the_last_lists_stay_in_use_and_with_none_the_check_is_unavailable()
    {
        Assert.Equal(KeyCheck.Admitted("ci", false), await CheckAsync("ci-key", "ExportPanel"));
        _arm.Status = HttpStatusCode.Forbidden;
        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(KeyCheck.Admitted("ci", false), await CheckAsync("ci-key", "ExportPanel"));

        using var fresh = Directory(new HostKeyOptions { SiteResourceId = Site });
        var check = await fresh.CheckAsync("ci-key", "ExportPanel", CancellationToken.None);
        Assert.Equal(KeyCheckOutcome.Unavailable, check.Outcome);
        Assert.Contains("HTTP 403", check.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("ci-key", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_site_setting_keys_cannot_be_checked_and_resource_manager_is_not_asked()
    {
        using var unconfigured = Directory(new HostKeyOptions());

        var check = await unconfigured.CheckAsync("ci-key", "ExportPanel", CancellationToken.None);

        Assert.Equal(KeyCheckOutcome.Unavailable, check.Outcome);
        Assert.Contains("Tracker__Auth__HostKeys__SiteResourceId", check.Reason, StringComparison.Ordinal);
        Assert.Empty(_arm.Requests);
    }

    private ValueTask<KeyCheck> CheckAsync(string key, string function) => _directory.CheckAsync(key, function, CancellationToken.None);

    private ArmFunctionKeyDirectory Directory(HostKeyOptions options) =>
        new(options, new ScriptedToken(), new HttpClient(_arm, disposeHandler: false), _clock, NullLogger<ArmFunctionKeyDirectory>.Instance);

    private sealed class ScriptedToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("token-for:" + string.Join(" ", requestContext.Scopes), DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    private sealed record SeenRequest(HttpMethod Method, string Uri, string? Authorization);

    private sealed class ScriptedArm : HttpMessageHandler
    {
        public string HostKeys { get; set; } = "{}";

        public Dictionary<string, string> FunctionKeys { get; } = new(StringComparer.Ordinal);

        public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

        public List<SeenRequest> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!.ToString();
            Requests.Add(new SeenRequest(request.Method, uri, request.Headers.Authorization?.ToString()));
            if (Status != HttpStatusCode.OK) return Task.FromResult(new HttpResponseMessage(Status));
            var function = FunctionKeys.Keys.FirstOrDefault(f => uri.Contains($"/functions/{f}/listkeys", StringComparison.Ordinal));
            var body = uri.Contains("/host/default/listkeys", StringComparison.Ordinal) ? HostKeys : function is null ? null : FunctionKeys[function];
            return Task.FromResult(body is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
