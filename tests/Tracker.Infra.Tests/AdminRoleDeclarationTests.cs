using Tracker.Tests.Access;

namespace Tracker.Infra.Tests;

/// <summary>Each keyed HTTP function declares exactly one role, and docs/api.md's table says the same.</summary>
public sealed class AdminRoleDeclarationTests
{
    private const string Begin = "<!-- roles:begin (generated from [RequiresRole]; AdminRoleDeclarationTests checks it) -->";
    private const string End = "<!-- roles:end -->";

    [Fact]
    public void Every_keyed_HTTP_function_declares_exactly_one_role()
    {
        Assert.True(AdminRouteTable.Routes.Count >= 22, $"{AdminRouteTable.Routes.Count} keyed routes");
        var undeclared = AdminRouteTable.Routes.Where(r => r.Declared.Count != 1).Select(r => r.Function).ToList();

        Assert.True(undeclared.Count == 0, "Declare [RequiresRole(Role.…)] on Run of: " + string.Join(", ", undeclared));
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
