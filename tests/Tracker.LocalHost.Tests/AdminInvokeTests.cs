using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Tracker.LocalHost.Admin;
using Tracker.LocalHost.Tests.Fixtures;
using Tracker.LocalHost.Tests.Samples;
using Xunit.Abstractions;

namespace Tracker.LocalHost.Tests;

public sealed class AdminInvokeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 2, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private LocalFunctionHost _host = null!;
    private InvocationRecorder _recorder = null!;

    public async Task InitializeAsync() =>
        (_host, _recorder) = await TestHosts.StartAsync(
            output,
            [typeof(TimerSamples), typeof(FailingTimerSamples), typeof(QueueSamples), typeof(HttpSamples)],
            new Dictionary<string, string?> { ["TickSchedule"] = "0 0 9 * * *", ["WorkQueue"] = "work" },
            _clock);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_runs_a_timer_function_and_answers_202_after_it_completed()
    {
        using var client = _host.CreateClient(withAdminKey: true);
        using var response = await client.PostAsJsonAsync("admin/functions/Tick", new { input = "" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var run = Assert.Single(_recorder.All);
        Assert.Equal(Start, run.At);
        Assert.Equal(new DateTime(2026, 2, 1, 9, 0, 0, DateTimeKind.Utc), run.Next);
    }

    [Fact]
    public async Task Post_passes_the_input_to_a_queue_function_as_the_message()
    {
        using var client = _host.CreateClient(withAdminKey: true);
        using var response = await client.PostAsJsonAsync("admin/functions/ConsumeWork", new { input = """{"kind":"export","amount":3}""" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var (item, id, dequeueCount) = ((WorkItem, string, long))Assert.Single(_recorder.All).Payload!;
        Assert.Equal(new WorkItem("export", 3), item);
        Assert.False(string.IsNullOrEmpty(id));
        Assert.Equal(1, dequeueCount);
    }

    [Fact]
    public async Task A_function_exception_is_a_500_with_its_message()
    {
        using var client = _host.CreateClient(withAdminKey: true);
        using var response = await client.PostAsync("admin/functions/FailingTick", null);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("the timer function failed on purpose", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_admin_api_requires_the_key()
    {
        using var client = _host.CreateClient();
        using var response = await client.PostAsJsonAsync("admin/functions/Tick", new { input = "" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var withCode = await client.PostAsJsonAsync($"admin/functions/Tick?code={TestHosts.AdminKey}", new { input = "" });
        Assert.Equal(HttpStatusCode.Accepted, withCode.StatusCode);
    }

    [Fact]
    public async Task Unknown_and_http_functions_are_refused()
    {
        using var client = _host.CreateClient(withAdminKey: true);
        using var unknown = await client.PostAsync("admin/functions/Nope", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var http = await client.PostAsync("admin/functions/Hello", null);
        Assert.Equal(HttpStatusCode.BadRequest, http.StatusCode);
    }

    [Fact]
    public async Task Lists_the_functions()
    {
        using var client = _host.CreateClient(withAdminKey: true);
        var functions = await client.GetFromJsonAsync<JsonElement>("admin/functions");
        var tick = functions.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "Tick");
        Assert.Equal("Timer", tick.GetProperty("kind").GetString());
        Assert.Equal("0 0 9 * * *", tick.GetProperty("schedule").GetString());
    }

    [Fact]
    public async Task InvokeAsync_completes_only_when_the_function_has()
    {
        _recorder.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var invocation = _host.InvokeAsync("Tick");
        await _recorder.NextAsync();
        await Task.Delay(100);
        Assert.False(invocation.IsCompleted);
        _recorder.Gate.SetResult();
        await invocation.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task InvokeAsync_propagates_the_exception_and_names_unknown_functions()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _host.InvokeAsync("FailingTick"));
        Assert.Equal("the timer function failed on purpose", error.Message);
        await Assert.ThrowsAsync<FunctionNotFoundException>(() => _host.InvokeAsync("Nope"));
    }
}
