using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using Tracker.Engine.Access;
using Tracker.LocalHost.App;

namespace Tracker.EndToEnd.Tests.Team;

/// <summary>
/// A stack with one host key per role (<c>role-owner</c> … <c>role-viewer</c>, each given its role by
/// <c>Tracker:Auth:KeyRoles</c>), an unconfigured key (<c>script</c>, the default manager), and the development sign-in,
/// so the role tests can call every admin route as every role, by key and signed in.
/// </summary>
public sealed class TeamFixture : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    public TrackerStack Stack { get; private set; } = null!;

    public static string KeyName(Role role) => "role-" + Roles.Name(role);

    public static string KeyValue(Role role) => "key-for-" + Roles.Name(role) + "-0123456789abcdef";

    public const string ScriptKey = "key-for-script-0123456789abcdef";

    public async Task InitializeAsync()
    {
        var options = new TrackerStackOptions { Clock = Clock, EnableTimers = false, EnableQueueListeners = false, DevSignIn = true };
        foreach (var role in Roles.All)
        {
            options.HostKeys[KeyName(role)] = KeyValue(role);
            options.Settings[$"Tracker:Auth:KeyRoles:{KeyName(role)}"] = Roles.Name(role);
        }

        options.HostKeys["script"] = ScriptKey;
        Stack = await TrackerStack.StartAsync(options, CancellationToken.None);
    }

    public Task DisposeAsync() => Stack.DisposeAsync().AsTask();

    public HttpClient As(Role role) => Stack.Host.CreateClient(KeyValue(role));

    public HttpClient Anonymous() => Stack.Host.CreateClient();

    /// <summary>A client signed in with the development sign-in (a cookie, no key).</summary>
    public async Task<HttpClient> SignedInAsync(string name, IEnumerable<string> roles, string? tenant = null)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = Stack.Host.BaseUrl };
        var form = new List<KeyValuePair<string, string>> { new("name", name), new("redirect", "/") };
        form.AddRange(roles.Select(r => new KeyValuePair<string, string>("roles", r)));
        if (tenant is not null) form.Add(new("tenant", tenant));
        using var response = await client.PostAsync(".auth/login/dev", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task<string> CreatePanelAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("api/panels", new
        {
            name = "Team study",
            instrument = "default",
            schedule = new { start = Clock.GetUtcNow(), waves = 2, interval = "P7D", window = "P5D" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Created>())!.Id;
    }

    private sealed record Created(string Id);
}

[CollectionDefinition(Name)]
public sealed class TeamCollection : ICollectionFixture<TeamFixture>
{
    public const string Name = "team";
}
