using System.Net;
using Tracker.LocalHost.Tests.Samples;

namespace Tracker.LocalHost.Tests;

/// <summary>The development sign-in listens on loopback only, and is off unless asked for.</summary>
public sealed class DevSignInHostTests
{
    [Fact]
    public async Task It_refuses_to_start_on_an_address_other_than_loopback()
    {
        var options = new LocalFunctionHostOptions
        {
            FunctionAssemblies = [typeof(KeyedSamples).Assembly],
            FunctionTypeFilter = t => t == typeof(KeyedSamples),
            Port = 0,
            ListenAddress = IPAddress.Any,
            EnableTimers = false,
            EnableQueueListeners = false,
            ConsoleLogging = false,
            DevSignIn = true,
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => LocalFunctionHost.StartAsync(options));

        Assert.Contains("loopback only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_it_there_is_no_sign_in_page()
    {
        await using var host = await LocalFunctionHost.StartAsync(new LocalFunctionHostOptions
        {
            FunctionAssemblies = [typeof(KeyedSamples).Assembly],
            FunctionTypeFilter = t => t == typeof(KeyedSamples),
            Port = 0,
            EnableTimers = false,
            EnableQueueListeners = false,
            ConsoleLogging = false,
        });
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(".auth/login/dev")).StatusCode);
    }
}
