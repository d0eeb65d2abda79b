using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tracker.EndToEnd.Tests;

/// <summary>GET /api/panels lists every panel with its state and counts (it answered 405 before).</summary>
[Collection(StackCollection.Name)]
public sealed class PanelListTests(StackFixture stack)
{
    [Fact]
    public async Task Every_panel_is_listed_with_its_state_and_counts_and_an_ended_one_says_so()
    {
        var panelId = await stack.CreatePanelAsync(waves: 2, interval: "P7D", window: "P5D");
        await stack.ImportAsync(panelId, "email\n" + string.Join('\n', StackFixture.Emails(4)));

        var response = await stack.Admin.GetAsync("api/panels");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mine = await FindAsync(response, panelId);
        Assert.Equal(("running", 1, 0, 4, 4), (mine.GetProperty("state").GetString(), mine.GetProperty("openWave").GetInt32(), mine.GetProperty("closedWaves").GetInt32(), mine.GetProperty("participants").GetInt32(), mine.GetProperty("activeParticipants").GetInt32()));
        Assert.Equal(2, mine.GetProperty("waves").GetInt32());

        // Wave 2 opens on day 7 and closes on day 12.
        stack.Clock.Advance(TimeSpan.FromDays(13));
        var ended = await FindAsync(await stack.Admin.GetAsync("api/panels"), panelId);
        Assert.Equal(("ended", 0, 2), (ended.GetProperty("state").GetString(), ended.GetProperty("openWave").GetInt32(), ended.GetProperty("closedWaves").GetInt32()));

        Assert.Equal(HttpStatusCode.Unauthorized, (await stack.Anonymous.GetAsync("api/panels")).StatusCode);
    }

    private static async Task<JsonElement> FindAsync(HttpResponseMessage response, string panelId)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("panels").EnumerateArray().Single(p => p.GetProperty("id").GetString() == panelId);
    }
}
