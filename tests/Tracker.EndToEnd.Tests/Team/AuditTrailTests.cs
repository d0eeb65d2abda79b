using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tracker.Engine.Access;

namespace Tracker.EndToEnd.Tests.Team;

/// <summary>A sequence of admin calls by different roles leaves one audit row each, newest first, with no address in it.</summary>
[Collection(TeamCollection.Name)]
public sealed class AuditTrailTests(TeamFixture team)
{
    [Fact]
    public async Task Every_admin_call_leaves_one_row_with_its_action_role_and_result()
    {
        using var owner = team.As(Role.Owner);
        using var manager = team.As(Role.Manager);
        using var analyst = team.As(Role.Analyst);
        using var viewer = team.As(Role.Viewer);
        var panelId = await team.CreatePanelAsync(manager);

        using (var csv = new StringContent("email,external_id\naudit-a@example.org,A1\naudit-b@example.org,B2\n", Encoding.UTF8, "text/csv"))
        {
            Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"api/panels/{panelId}/participants", csv)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"api/panels/{panelId}/status")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"api/panels/{panelId}/export/long")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"api/panels/{panelId}/export/linking")).StatusCode);
        var linking = await owner.GetStringAsync($"api/panels/{panelId}/export/linking");
        var linkingRows = linking.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        var lookup = await owner.PostAsJsonAsync($"api/panels/{panelId}/participants/lookup", new { email = "audit-a@example.org" });
        var participantId = (await lookup.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("participantId").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await owner.DeleteAsync($"api/panels/{panelId}/participants/{participantId}?responses=true")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"api/panels/{panelId}/audit")).StatusCode);

        using var page = await owner.GetAsync($"api/panels/{panelId}/audit");
        var text = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var entries = JsonDocument.Parse(text).RootElement.GetProperty("entries").EnumerateArray().ToList();

        string Row(JsonElement e) => $"{e.GetProperty("action").GetString()} {e.GetProperty("who").GetString()} {e.GetProperty("role").GetString()} {e.GetProperty("result").GetString()} {e.GetProperty("status").GetInt32()}";
        Assert.Equal(
            [
                "GetPanelAudit key:role-viewer viewer refused 403",
                "EraseParticipant key:role-owner owner ok 200",
                "FindParticipant key:role-owner owner ok 200",
                "ExportPanel key:role-owner owner ok 200",
                "ExportPanel key:role-analyst analyst refused 403",
                "ExportPanel key:role-analyst analyst ok 200",
                "GetPanelStatus key:role-viewer viewer ok 200",
                "ImportParticipants key:role-manager manager ok 200",
                "CreatePanel key:role-manager manager ok 201",
            ],
            entries.Select(Row));

        var erasure = entries[1];
        Assert.Equal(participantId, Assert.Single(erasure.GetProperty("participantIds").EnumerateArray()).GetString());
        Assert.Equal("true", erasure.GetProperty("details").GetProperty("responsesErased").GetString());
        Assert.Equal("key", erasure.GetProperty("method").GetString());
        Assert.False(string.IsNullOrEmpty(erasure.GetProperty("clientAddress").GetString()));
        Assert.Equal("2", entries[7].GetProperty("details").GetProperty("added").GetString());
        Assert.Equal("long.csv", entries[5].GetProperty("details").GetProperty("format").GetString());
        Assert.Equal("0", entries[5].GetProperty("details").GetProperty("rows").GetString());

        // An export's row says how many rows went out, counted as the body was written (after the function returned).
        Assert.Equal(2, linkingRows);
        Assert.Equal("linking.csv", entries[3].GetProperty("details").GetProperty("format").GetString());
        Assert.Equal(linkingRows.ToString(System.Globalization.CultureInfo.InvariantCulture), entries[3].GetProperty("details").GetProperty("rows").GetString());
        Assert.DoesNotContain("@example.org", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trail_filters_by_action_and_caller_and_pages_newest_first()
    {
        using var owner = team.As(Role.Owner);
        var panelId = await team.CreatePanelAsync(owner);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"api/panels/{panelId}/status")).StatusCode);
            team.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        using var viewer = team.As(Role.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"api/panels/{panelId}/status")).StatusCode);

        var first = await ReadAsync(owner, $"api/panels/{panelId}/audit?action=GetPanelStatus&who=key:role-owner&pageSize=2");
        Assert.Equal(2, first.GetProperty("entries").GetArrayLength());
        var continuation = first.GetProperty("continuation").GetString();
        Assert.False(string.IsNullOrEmpty(continuation));
        var second = await ReadAsync(owner, $"api/panels/{panelId}/audit?action=GetPanelStatus&who=key:role-owner&pageSize=2&continuation={Uri.EscapeDataString(continuation!)}");
        Assert.Equal(1, second.GetProperty("entries").GetArrayLength());

        var times = first.GetProperty("entries").EnumerateArray().Concat(second.GetProperty("entries").EnumerateArray()).Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);

        var later = await ReadAsync(owner, $"api/panels/{panelId}/audit?from={Uri.EscapeDataString(times[0].ToString("O"))}&action=GetPanelStatus");
        Assert.Equal(["key:role-viewer", "key:role-owner"], later.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("who").GetString()));

        using var bad = await owner.GetAsync($"api/panels/{panelId}/audit?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task A_deleted_panels_trail_outlives_it()
    {
        using var owner = team.As(Role.Owner);
        var panelId = await team.CreatePanelAsync(owner);

        Assert.Equal(HttpStatusCode.OK, (await owner.DeleteAsync($"api/panels/{panelId}?confirm={panelId}")).StatusCode);

        var trail = await ReadAsync(owner, $"api/panels/{panelId}/audit");
        Assert.Equal(["DeletePanel", "CreatePanel"], trail.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    private static async Task<JsonElement> ReadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
