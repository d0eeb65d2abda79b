using Tracker.Tests.Access;

namespace Tracker.Infra.Tests;

/// <summary>Each admin HTTP function declares exactly one role and leaves the decision to the app, and docs/api.md's table says the same.</summary>
public sealed class AdminRoleDeclarationTests
{
    private const string Begin = "<!-- roles:begin (generated from [RequiresRole]; AdminRoleDeclarationTests checks it) -->";
    private const string End = "<!-- roles:end -->";

    [Fact]
    public void Every_HTTP_function_not_declared_public_declares_exactly_one_role()
    {
        Assert.True(AdminRouteTable.Routes.Count >= 22, $"{AdminRouteTable.Routes.Count} admin routes");
        var undeclared = AdminRouteTable.Routes.Where(r => r.Declared.Count != 1).Select(r => r.Function).ToList();

        Assert.True(undeclared.Count == 0, "Declare [RequiresRole(Role.…)] on Run of: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void Every_admin_route_is_anonymous_to_the_host_so_that_a_sign_in_alone_reaches_the_app_which_decides()
    {
        // A Function-level route makes Azure's host demand a key even from a signed-in person, and the host does not
        // tell the isolated worker which key it admitted; the app checks the caller (AdminGate) on every admin route.
        var hostKeyed = AdminRouteTable.Routes.Where(r => r.HostLevel != Microsoft.Azure.Functions.Worker.AuthorizationLevel.Anonymous).Select(r => $"{r.Function} ({r.HostLevel})").ToList();

        Assert.True(hostKeyed.Count == 0, "Admin routes the host would gate: " + string.Join(", ", hostKeyed));
    }

    [Fact]
    public void The_contact_bearing_routes_need_the_owner()
    {
        var owners = AdminRouteTable.Routes.Where(r => r.Role == Tracker.Engine.Access.Role.Owner).Select(r => r.Function).ToHashSet();

        Assert.Superset(new HashSet<string> { "EraseParticipant", "GetPanelConsent", "FindParticipant", "GetPanelAudit", "DeletePanel" }, owners);
    }

    [Fact]
    public void The_api_docs_table_matches_the_declared_roles()
    {
        var doc = File.ReadAllText(Path.Combine(Infrastructure.TestEnvironment.RepositoryRoot, "docs", "api.md")).ReplaceLineEndings("\n");
        var start = doc.IndexOf(Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/api.md has no table between '{Begin}' and '{End}'");

        var table = doc[(start + Begin.Length)..end].Trim();

        Assert.True(table == AdminRouteTable.MarkdownTable(), "docs/api.md's role table is out of date; it should read:\n" + AdminRouteTable.MarkdownTable());
    }
}
