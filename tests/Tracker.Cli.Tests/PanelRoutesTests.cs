using System.Net;
using System.Text;
using Tracker.Cli.Api;

namespace Tracker.Cli.Tests;

/// <summary>
/// `tracker panel show/close/delete` reach the admin routes through the CLI's one API client: the method and route of
/// each, the key in its header, and the API's problem body turned into one line.
/// </summary>
public class PanelRoutesTests
{
    private static readonly ApiConnection Connection = new(new Uri("http://tracker.test/api/"), "admin-key");

    [Fact]
    public async Task Show_close_and_delete_call_the_panels_routes_with_the_key_in_its_header()
    {
        using var handler = new RecordingHandler(HttpStatusCode.OK, """{"id":"p 1"}""");
        using var client = new TrackerApiClient(Connection, handler);

        await client.GetPanelAsync("p 1", CancellationToken.None);
        await client.ClosePanelAsync("p 1", CancellationToken.None);
        await client.ListPanelDeletionAsync("p 1", CancellationToken.None);
        var removed = await client.DeletePanelAsync("p 1", CancellationToken.None);

        Assert.Equal(
            [
                "GET http://tracker.test/api/panels/p%201",
                "POST http://tracker.test/api/panels/p%201/close",
                "DELETE http://tracker.test/api/panels/p%201?dryRun=true",
                "DELETE http://tracker.test/api/panels/p%201?confirm=p%201",
            ],
            handler.Requests);
        Assert.All(handler.Keys, key => Assert.Equal("admin-key", key));
        Assert.Equal("p 1", removed.GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_unknown_panel_is_the_APIs_problem_title_in_one_line()
    {
        using var handler = new RecordingHandler(HttpStatusCode.NotFound, """{"status":404,"title":"Panel 'nope' was not found."}""");
        using var client = new TrackerApiClient(Connection, handler);

        var refused = await Assert.ThrowsAsync<TrackerApiException>(() => client.ClosePanelAsync("nope", CancellationToken.None));

        Assert.Equal("Panel 'nope' was not found. (404)", refused.Message);
    }

    private sealed class RecordingHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];

        public List<string?> Keys { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add($"{request.Method} {request.RequestUri!.AbsoluteUri}");
            Keys.Add(request.Headers.TryGetValues("x-functions-key", out var values) ? values.Single() : null);
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json"), RequestMessage = request });
        }
    }
}
