using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tracker.LocalHost.Tests.Fixtures;
using Tracker.LocalHost.Tests.Samples;
using Xunit.Abstractions;

namespace Tracker.LocalHost.Tests;

public sealed class HttpTriggerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private LocalFunctionHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        (_host, _) = await TestHosts.StartAsync(output, [typeof(HttpSamples)]);
        _client = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public void Base_url_is_a_free_loopback_port()
    {
        Assert.Equal("127.0.0.1", _host.BaseUrl.Host);
        Assert.NotEqual(0, _host.BaseUrl.Port);
        Assert.Equal(new Uri(_host.BaseUrl, "api/"), _host.ApiBaseUrl);
    }

    [Fact]
    public async Task Route_values_bind_by_name_and_action_results_are_camel_case_json()
    {
        using var response = await _client.GetAsync("api/hello/Ada");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("""{"greeting":"Hello, Ada","nameLength":3}""", body);
    }

    [Fact]
    public async Task Int_route_constraint_binds_and_rejects_non_numbers_with_404()
    {
        var item = await _client.GetFromJsonAsync<JsonElement>("api/items/42");
        Assert.Equal(42, item.GetProperty("itemId").GetInt32());

        using var notFound = await _client.GetAsync("api/items/abc");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
    }

    [Fact]
    public async Task Unconstrained_route_value_that_does_not_convert_is_a_400()
    {
        var next = await _client.GetFromJsonAsync<JsonElement>("api/count/41");
        Assert.Equal(42, next.GetProperty("next").GetInt64());

        using var bad = await _client.GetAsync("api/count/forty");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("'n'", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Guid_route_value_and_content_result()
    {
        var key = Guid.NewGuid();
        Assert.Equal(key.ToString("N"), await _client.GetStringAsync($"api/things/{key}"));
    }

    [Fact]
    public async Task Methods_are_enforced()
    {
        using var wrongMethod = await _client.PostAsync("api/hello/Ada", null);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);

        using var any = await _client.PutAsync("api/AnyMethod", null);
        Assert.Equal(HttpStatusCode.OK, any.StatusCode);
        Assert.Equal("PUT", (await any.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("method").GetString());
    }

    [Fact]
    public async Task Function_level_requires_the_key()
    {
        using var anonymous = await _client.GetAsync("api/secret");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("x-functions-key", await anonymous.Content.ReadAsStringAsync());

        using var wrongKey = await _client.GetAsync("api/secret?code=nope");
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);

        using var withHeader = new HttpRequestMessage(HttpMethod.Get, "api/secret");
        withHeader.Headers.Add("x-functions-key", TestHosts.AdminKey);
        using var headerResponse = await _client.SendAsync(withHeader);
        Assert.Equal(HttpStatusCode.OK, headerResponse.StatusCode);
        Assert.Equal("the secret", await headerResponse.Content.ReadAsStringAsync());

        using var withCode = await _client.GetAsync($"api/secret?code={TestHosts.AdminKey}");
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
    }

    [Fact]
    public async Task Admin_level_requires_the_key_and_object_result_keeps_its_status()
    {
        using var anonymous = await _client.PostAsync("api/AdminEcho", new StringContent("hi"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var admin = _host.CreateClient(withAdminKey: true);
        using var response = await admin.PostAsync("api/AdminEcho", new StringContent("hi"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("""{"received":"hi"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Function_context_http_context_and_cancellation_token_are_bound()
    {
        var body = await _client.GetFromJsonAsync<JsonElement>("api/context/abc");
        Assert.Equal("abc", body.GetProperty("token").GetString());
        Assert.Equal("Context", body.GetProperty("name").GetString());
        Assert.True(body.GetProperty("hasInvocationId").GetBoolean());
        Assert.True(body.GetProperty("sameRequest").GetBoolean());
        Assert.Equal("Hello, scope", body.GetProperty("scopedGreeter").GetString());
        Assert.True(body.GetProperty("httpContextFromItems").GetBoolean());
        Assert.True(body.GetProperty("canBeCancelled").GetBoolean());
    }

    [Fact]
    public async Task From_body_parameters_are_read_as_json_and_bad_json_is_a_400()
    {
        using var created = await _client.PostAsync("api/work", new StringContent("""{"Kind":"invite","amount":2}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("""{"kind":"invite","amount":4}""", await created.Content.ReadAsStringAsync());

        using var bad = await _client.PostAsync("api/work", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Task_functions_write_their_own_response()
    {
        using var response = await _client.DeleteAsync("api/nothing");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task An_exception_is_a_bare_500()
    {
        using var response = await _client.GetAsync("api/boom");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("kaboom", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_routes_are_404()
    {
        using var response = await _client.GetAsync("api/nope");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Functions_lists_what_was_discovered()
    {
        Assert.Contains(_host.Functions, f => f.Name == "Hello" && f.Http!.Template == "api/hello/{name}");
        Assert.Equal(11, _host.Functions.Count);
    }
}
