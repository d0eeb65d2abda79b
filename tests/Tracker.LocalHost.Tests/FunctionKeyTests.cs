using System.Net;
using Microsoft.Extensions.Logging;
using Tracker.LocalHost.Tests.Samples;
using Xunit.Abstractions;

namespace Tracker.LocalHost.Tests;

/// <summary>
/// The local host's keys behave as Azure's: Anonymous needs none; Function takes a key of that function, any host key
/// or the master key; Admin and the admin API take the master key only; a removed key is refused at once.
/// </summary>
public sealed class FunctionKeyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Master = "the-master-key";
    private const string ResearcherHostKey = "host-key-of-ada";
    private const string ScriptHostKey = "host-key-of-the-nightly-export";
    private const string ReportKey = "function-key-of-report";

    private LocalFunctionHost _host = null!;

    public async Task InitializeAsync()
    {
        var options = KeyedSamples.HostOptions();
        options.AdminKey = Master;
        options.ConfigureLogging = logging => logging.AddProvider(new Fixtures.XunitLoggerProvider(output));
        options.HostKeys["ada"] = ResearcherHostKey;
        options.HostKeys["nightly-export"] = ScriptHostKey;
        options.FunctionKeys.Add(new FunctionKey("Report", "dashboard-viewer", ReportKey));
        _host = await LocalFunctionHost.StartAsync(options);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(null, true, false, false, false)]
    [InlineData(ReportKey, true, true, false, false)]
    [InlineData(ResearcherHostKey, true, true, true, false)]
    [InlineData(Master, true, true, true, true)]
    [InlineData("not-a-key", true, false, false, false)]
    public async Task Each_level_takes_the_keys_azure_gives_it(string? key, bool open, bool report, bool export, bool purge)
    {
        Assert.Equal(open, await OpensAsync(key, "api/keyed/open"));
        Assert.Equal(report, await OpensAsync(key, "api/keyed/report"));
        Assert.Equal(export, await OpensAsync(key, "api/keyed/export"));
        Assert.Equal(purge, await OpensAsync(key, "api/keyed/purge"));
    }

    [Fact]
    public async Task Like_azure_the_host_does_not_tell_the_function_which_key_it_admitted()
    {
        // Azure's host forwards the bare request to an isolated worker with ASP.NET Core integration: the key's
        // keyid/authlevel claims stay in the host. An app that read them here would find nothing there.
        using var client = _host.CreateClient(Master);

        using var response = await client.GetAsync("api/keyed/claims");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_key_is_taken_in_the_query_as_in_the_header()
    {
        using var client = _host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/keyed/report?code=" + ReportKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("api/keyed/export?code=" + ReportKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/keyed/purge?code=" + Master)).StatusCode);
    }

    [Fact]
    public async Task Only_the_master_key_opens_the_admin_api()
    {
        foreach (var (key, expected) in new[] { (ResearcherHostKey, HttpStatusCode.Unauthorized), (ReportKey, HttpStatusCode.Unauthorized), (Master, HttpStatusCode.OK) })
        {
            using var client = _host.CreateClient(key);
            Assert.Equal(expected, (await client.GetAsync("admin/functions")).StatusCode);
        }
    }

    [Fact]
    public async Task Revoking_a_named_key_refuses_it_and_leaves_the_others_working()
    {
        Assert.True(await OpensAsync(ResearcherHostKey, "api/keyed/export"));
        Assert.True(await OpensAsync(ReportKey, "api/keyed/report"));

        Assert.True(_host.Keys.RemoveHostKey("ada"));
        Assert.True(_host.Keys.RemoveFunctionKey("Report", "dashboard-viewer"));

        Assert.False(await OpensAsync(ResearcherHostKey, "api/keyed/export"));
        Assert.False(await OpensAsync(ReportKey, "api/keyed/report"));
        Assert.True(await OpensAsync(ScriptHostKey, "api/keyed/export"));
        Assert.Equal(["nightly-export"], _host.Keys.HostKeyNames);

        // A new key under the old name is a new secret: the revoked value stays refused.
        _host.Keys.SetHostKey("ada", "a-fresh-key-for-ada");
        Assert.False(await OpensAsync(ResearcherHostKey, "api/keyed/export"));
        Assert.True(await OpensAsync("a-fresh-key-for-ada", "api/keyed/export"));
    }

    [Fact]
    public async Task A_refusal_says_which_keys_the_level_takes()
    {
        using var client = _host.CreateClient(ResearcherHostKey);

        var function = await (await _host.CreateClient().GetAsync("api/keyed/report")).Content.ReadAsStringAsync();
        var admin = await client.GetAsync("api/keyed/purge");

        Assert.Contains("host key", function, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, admin.StatusCode);
        Assert.Contains("master key only", await admin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_function_key_for_a_function_the_host_does_not_serve_is_refused_at_start()
    {
        var options = KeyedSamples.HostOptions();
        options.FunctionKeys.Add(new FunctionKey("Reportt", "typo", "value"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => LocalFunctionHost.StartAsync(options));

        Assert.Contains("Reportt", error.Message, StringComparison.Ordinal);
    }

    private async Task<bool> OpensAsync(string? key, string path)
    {
        using var client = _host.CreateClient(key);
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized, $"{path}: {(int)response.StatusCode}");
        return response.StatusCode == HttpStatusCode.OK;
    }
}
