using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Engine.Access;
using Tracker.Engine.Audit;
using Tracker.Tests.Access;

namespace Tracker.EndToEnd.Tests.Team;

/// <summary>
/// Every admin route, called once per role: 403 below the role it declares, anything but 401/403 at or above it (the
/// call may still fail for other reasons, a 404 or a 400). Iterates the declarations, so a new route is covered.
/// </summary>
[Collection(TeamCollection.Name)]
public sealed class RoleTableTests(TeamFixture team)
{
    public static TheoryData<string, string, string, Role> Calls()
    {
        var data = new TheoryData<string, string, string, Role>();
        foreach (var route in AdminRouteTable.Routes)
        {
            data.Add(route.Function, route.Method, Path(route.Route, "long"), route.Role);
            if (route.Function == "ExportPanel")
            {
                // The contact-bearing formats need more than the route's own role.
                data.Add(route.Function, route.Method, Path(route.Route, "linking"), Role.Owner);
                data.Add(route.Function, route.Method, Path(route.Route, "consent"), Role.Owner);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Each_role_is_refused_below_the_declared_role_and_let_through_at_or_above_it(string function, string method, string path, Role required)
    {
        var panelId = await team.CreatePanelAsync(team.As(Role.Owner));
        var answered = new List<string>();
        foreach (var role in Roles.All)
        {
            using var client = team.As(role);
            var (status, body) = await CallAsync(client, method, path.Replace("{id}", panelId, StringComparison.Ordinal));
            answered.Insert(0, $"{Roles.Name(role)} {status}");

            if (role.Includes(required))
            {
                Assert.True(status is not (401 or 403), $"{function} {method} {path} as {Roles.Name(role)}: {status} {body}");
                Assert.True(status < 500, $"{function} as {Roles.Name(role)}: {status} {body}");
            }
            else
            {
                Assert.True(status == 403, $"{function} {method} {path} as {Roles.Name(role)}: expected 403, got {status} {body}");
                using var problem = JsonDocument.Parse(body);
                Assert.Equal(Roles.Name(required), problem.RootElement.GetProperty("requiredRole").GetString());
                Assert.Equal(Roles.Name(role), problem.RootElement.GetProperty("heldRole").GetString());
            }
        }

        // Every one of the four calls, allowed or refused, left its row in the audit trail, newest first: the panel's
        // trail as the owner reads it, or for a route on no one panel the app's partition, read from the table (the
        // tests of this collection run one at a time, so the newest rows of the action are this test's).
        if (function == "DeletePanel") return; // a deleted panel's trail is not served; AuditTrailTests reads it
        List<string> rows;
        if (path.Contains("{id}", StringComparison.Ordinal))
        {
            using var owner = team.As(Role.Owner);
            using var trail = JsonDocument.Parse(await owner.GetStringAsync($"api/panels/{panelId}/audit?action={function}"));
            rows = [.. trail.RootElement.GetProperty("entries").EnumerateArray()
                .Where(e => e.GetProperty("who").GetString()!.StartsWith("key:role-", StringComparison.Ordinal))
                .Select(e => $"{e.GetProperty("role").GetString()} {e.GetProperty("status").GetInt32()}")];
        }
        else
        {
            var audit = team.Stack.Host.Services.GetRequiredService<AuditLog>();
            var page = await audit.ReadAsync(AuditLog.AppPartition, new AuditQuery(Action: function, PageSize: Roles.All.Count), CancellationToken.None);
            rows = [.. page.Entries.Select(e => $"{e.Role} {e.Status}")];
        }

        Assert.Equal(answered, rows);
    }

    [Fact]
    public async Task A_refusal_is_problem_json_naming_the_role_needed_and_the_role_held()
    {
        var panelId = await team.CreatePanelAsync(team.As(Role.Owner));
        using var analyst = team.As(Role.Analyst);

        using var response = await analyst.DeleteAsync($"api/panels/{panelId}/participants/p-anyone");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("This needs the owner role; the key 'role-analyst' holds the analyst role.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_with_no_configured_role_acts_as_manager_and_the_master_key_as_owner()
    {
        var panelId = await team.CreatePanelAsync(team.As(Role.Owner));
        using var script = team.Stack.Host.CreateClient(TeamFixture.ScriptKey);
        using var master = team.Stack.Host.CreateClient(withAdminKey: true);

        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync($"api/panels/{panelId}/plan")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await script.GetAsync($"api/panels/{panelId}/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await master.GetAsync($"api/panels/{panelId}/audit")).StatusCode);
    }

    [Theory]
    [InlineData("viewer", "GET", "api/panels/{id}/status", 200)]
    [InlineData("viewer", "GET", "api/panels/{id}/model", 403)]
    [InlineData("analyst", "GET", "api/panels/{id}/export/long", 200)]
    [InlineData("analyst", "GET", "api/panels/{id}/export/linking", 403)]
    [InlineData("owner", "GET", "api/panels/{id}/audit", 200)]
    public async Task A_signed_in_person_acts_with_their_role_without_a_key(string role, string method, string path, int expected)
    {
        var panelId = await team.CreatePanelAsync(team.As(Role.Owner));
        using var person = await team.SignedInAsync("Ada " + role, [role]);

        var (status, body) = await CallAsync(person, method, path.Replace("{id}", panelId, StringComparison.Ordinal));

        Assert.True(status == expected, $"{role} {path}: {status} {body}");
    }

    [Fact]
    public async Task A_principal_header_sent_by_the_client_is_removed_not_believed()
    {
        var panelId = await team.CreatePanelAsync(team.As(Role.Owner));
        using var forger = team.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/panels/{panelId}/audit");
        request.Headers.Add(ClientPrincipal.Header, ClientPrincipal.Encode("aad", "mallory", ["owner"]));
        request.Headers.Add(ClientPrincipal.IdentityProviderHeader, "aad");

        using var response = await forger.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string Path(string route, string format) =>
        "api/" + route.Replace("{n:int}", "1", StringComparison.Ordinal).Replace("{participantId}", "p-nobody", StringComparison.Ordinal).Replace("{format}", format, StringComparison.Ordinal);

    private static async Task<(int Status, string Body)> CallAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
