using System.Net;
using Tracker.LocalHost.Tests.Samples;

namespace Tracker.LocalHost.Tests;

/// <summary>The development sign-in listens on loopback only, is off unless asked for, and opens no more than Azure's does.</summary>
public sealed class DevSignInHostTests
{
    [Fact]
    public async Task It_refuses_to_start_on_an_address_other_than_loopback()
    {
        var options = KeyedSamples.HostOptions(devSignIn: true);
        options.ListenAddress = IPAddress.Any;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => LocalFunctionHost.StartAsync(options));

        Assert.Contains("loopback only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_it_there_is_no_sign_in_page()
    {
        await using var host = await LocalFunctionHost.StartAsync(KeyedSamples.HostOptions());
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(".auth/login/dev")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_person_still_needs_a_key_on_a_function_level_route_as_in_azure()
    {
        await using var host = await LocalFunctionHost.StartAsync(KeyedSamples.HostOptions(devSignIn: true));
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = host.BaseUrl };
        using var signIn = await client.PostAsync(".auth/login/dev", new FormUrlEncodedContent([new("name", "Ada"), new("roles", "owner")]));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/keyed/open")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("api/keyed/report")).StatusCode);
    }
}
