using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Tracker.LocalHost.Configuration;
using Tracker.LocalHost.Discovery;
using Tracker.LocalHost.Tests.Broken;
using Tracker.LocalHost.Tests.Samples;

namespace Tracker.LocalHost.Tests;

public sealed class FunctionDiscoveryTests
{
    private static readonly IConfiguration Settings = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["TickSchedule"] = "*/10 * * * * *", ["WorkQueue"] = "Work-Items" })
        .Build();

    [Fact]
    public void Http_functions_are_described_from_their_attributes()
    {
        var functions = FunctionDiscovery.Discover([typeof(HttpSamples)], Settings, HostJsonSettings.Default).ToDictionary(f => f.Name);

        var hello = functions["Hello"];
        Assert.Equal(FunctionKind.Http, hello.Kind);
        Assert.Equal("hello/{name}", hello.Http!.Route);
        Assert.Equal("api/hello/{name}", hello.Http.Template);
        Assert.Equal(["GET"], hello.Http.Methods);
        Assert.Equal(AuthorizationLevel.Anonymous, hello.Http.AuthLevel);

        Assert.Equal("AdminEcho", functions["AdminEcho"].Http!.Route);
        Assert.True(functions["AdminEcho"].Http!.RequiresKey);
        Assert.Equal(["GET", "POST"], functions["Context"].Http!.Methods);
        Assert.Empty(functions["AnyMethod"].Http!.Methods);
    }

    [Fact]
    public void Route_prefix_comes_from_host_json()
    {
        var path = Path.Combine(Path.GetTempPath(), $"host-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "version": "2.0", "extensions": { "http": { "routePrefix": "" }, "queues": { "maxDequeueCount": 3, "visibilityTimeout": "00:00:02" } } }""");
        try
        {
            var hostJson = HostJsonSettings.Load(path);
            Assert.Equal(string.Empty, hostJson.RoutePrefix);
            Assert.Equal(3, hostJson.MaxDequeueCount);
            Assert.Equal(TimeSpan.FromSeconds(2), hostJson.VisibilityTimeout);

            var hello = FunctionDiscovery.Discover([typeof(HttpSamples)], Settings, hostJson).Single(f => f.Name == "Hello");
            Assert.Equal("hello/{name}", hello.Http!.Template);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Repository_host_json_gives_the_api_prefix_and_queue_settings()
    {
        var hostJson = HostJsonSettings.Load(Path.Combine(global::Tracker.LocalHost.Stack.RepositoryRoot.Find(), "host.json"));
        Assert.Equal("api", hostJson.RoutePrefix);
        Assert.True(hostJson.MaxDequeueCount > 0);
    }

    [Fact]
    public void Timer_and_queue_placeholders_are_resolved_from_configuration()
    {
        var functions = FunctionDiscovery.Discover([typeof(TimerSamples), typeof(QueueSamples)], Settings, HostJsonSettings.Default).ToDictionary(f => f.Name);

        Assert.Equal("*/10 * * * * *", functions["Tick"].Timer!.ScheduleExpression);
        Assert.Equal("work-items", functions["ConsumeWork"].Queue!.QueueName);
        Assert.Equal("work-items-poison", functions["ConsumeWork"].Queue!.PoisonQueueName);
        Assert.Equal("AzureWebJobsStorage", functions["ConsumeWork"].Queue!.ConnectionSetting);
        Assert.Equal("StorageForText", functions["ConsumeText"].Queue!.ConnectionSetting);
        Assert.Equal(typeof(WorkItem), functions["ConsumeWork"].Queue!.MessageType);
    }

    [Fact]
    public void An_unsupported_parameter_is_a_startup_error_naming_function_and_parameter()
    {
        var error = Assert.Throws<FunctionDiscoveryException>(() => FunctionDiscovery.Discover([typeof(UnsupportedParameter)], Settings, HostJsonSettings.Default));
        Assert.Contains("'TakesAStream'", error.Message);
        Assert.Contains("'body'", error.Message);
        Assert.Contains("System.IO.Stream", error.Message);
    }

    [Fact]
    public void An_unsupported_return_type_is_a_startup_error()
    {
        var error = Assert.Throws<FunctionDiscoveryException>(() => FunctionDiscovery.Discover([typeof(UnsupportedReturn)], Settings, HostJsonSettings.Default));
        Assert.Contains("'ReturnsText'", error.Message);
        Assert.Contains("String", error.Message);
    }

    [Fact]
    public void A_missing_app_setting_is_named()
    {
        var error = Assert.Throws<FunctionDiscoveryException>(() => FunctionDiscovery.Discover([typeof(MissingSetting)], Settings, HostJsonSettings.Default));
        Assert.Contains("'NotConfigured'", error.Message);
        Assert.Contains("'NeedsSetting'", error.Message);
    }

    [Fact]
    public void An_invalid_schedule_is_a_startup_error()
    {
        var error = Assert.Throws<FunctionDiscoveryException>(() => FunctionDiscovery.Discover([typeof(BadSchedule)], Settings, HostJsonSettings.Default));
        Assert.Contains("'BadSchedule'", error.Message);
        Assert.Contains("every day at noon", error.Message);
    }

    [Fact]
    public async Task Starting_a_host_over_a_broken_function_fails_with_the_discovery_error()
    {
        var error = await Assert.ThrowsAsync<FunctionDiscoveryException>(() => LocalFunctionHost.StartAsync(new LocalFunctionHostOptions
        {
            FunctionAssemblies = [typeof(UnsupportedParameter).Assembly],
            FunctionTypeFilter = t => t == typeof(UnsupportedParameter),
            Port = 0,
            ConsoleLogging = false,
        }));
        Assert.Contains("'body'", error.Message);
    }

    [Fact]
    public void The_whole_sample_assembly_is_rejected_because_it_holds_broken_functions()
    {
        // Discovery by assembly finds everything, broken samples included: nothing is served from a hand-kept list.
        Assert.Throws<FunctionDiscoveryException>(() => FunctionDiscovery.Discover([typeof(HttpSamples).Assembly], Settings, HostJsonSettings.Default));
    }
}
