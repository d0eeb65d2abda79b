using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Tracker.EndToEnd.Tests;

/// <summary>The researcher's API refuses bad input with every problem named, and refuses callers without the key.</summary>
[Collection(StackCollection.Name)]
public sealed class AdminApiTests(StackFixture stack)
{
    [Fact]
    public async Task An_invalid_panel_definition_is_refused_with_every_problem_listed()
    {
        var response = await stack.Admin.PostAsJsonAsync("api/panels", new
        {
            name = "",
            instrument = "nonsense",
            schedule = new { waves = 0, interval = "P1M", window = "seven days" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var problems = body.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains(problems, p => p.StartsWith("name:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("instrument:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("schedule.start:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("schedule.waves:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("schedule.interval:", StringComparison.Ordinal) && p.Contains("months", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("schedule.window:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"name\": 5}")]
    [InlineData("{\"name\": \"x\", \"unexpected\": true}")]
    public async Task Malformed_json_is_a_400_not_a_500(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await stack.Admin.PostAsync("api/panels", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_malformed_participant_csv_is_refused_and_bad_lines_are_reported_by_number()
    {
        var panelId = await stack.CreatePanelAsync();
        using var badHeader = new StringContent("mail;name\nx@example.org;X", Encoding.UTF8, "text/csv");
        var refused = await stack.Admin.PostAsync($"api/panels/{panelId}/participants", badHeader);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("email", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var good = StackFixture.Emails(2);
        var result = await stack.ImportAsync(panelId, $"email,external_id,time_zone\n{good[0]},a,Europe/Berlin\nnot-an-email,b,\n{good[1]},c,Mars/Olympus\n{good[0]},d,UTC\n");
        Assert.Equal(1, result.Added);
        Assert.Equal([3, 4, 5], result.Rejected.Select(r => r.Line).ToArray());
        Assert.Contains("not an email", result.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("time zone", result.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.Contains("duplicate of line 2", result.Rejected[2].Reason, StringComparison.Ordinal);

        var again = await stack.ImportAsync(panelId, $"email,external_id,time_zone\n{good[0]},a2,Europe/Berlin\n");
        Assert.Equal((0, 1), (again.Added, again.Updated));
    }

    [Fact]
    public async Task Admin_functions_refuse_requests_without_the_key()
    {
        var panelId = await stack.CreatePanelAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await stack.Anonymous.GetAsync($"api/panels/{panelId}/status")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stack.Anonymous.PostAsJsonAsync("api/panels", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stack.Anonymous.GetAsync($"api/panels/{panelId}/status?code=wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.GetAsync($"api/panels/{panelId}/status?code={stack.Stack.AdminKey}")).StatusCode);
    }

    [Fact]
    public async Task Unknown_panels_and_waves_are_404_and_a_scheduled_wave_cannot_be_sent_early()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Admin.GetAsync("api/panels/pnosuchpanel/status")).StatusCode);
        var panelId = await stack.CreatePanelAsync(waves: 2);
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Admin.PostAsync($"api/panels/{panelId}/waves/3/dispatch", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await stack.Admin.PostAsync($"api/panels/{panelId}/waves/2/dispatch", null)).StatusCode);
    }
}
