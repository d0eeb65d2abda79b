using System.Reflection;
using System.Text;
using Microsoft.Extensions.Options;
using Tracker.Engine.Access;
using Tracker.Engine.Audit;

namespace Tracker.Engine.Tests.Access;

/// <summary>Who a request stands for: a principal the platform vouches for, else the admitted key's configured role.</summary>
public sealed class CallerResolverTests
{
    private static CallerResolver Resolver(bool trust = true, string? tenant = null, params (string Key, string Role)[] keyRoles)
    {
        var options = new AuthOptions { TrustPlatformPrincipal = trust, TenantId = tenant };
        foreach (var (key, role) in keyRoles) options.KeyRoles[key] = role;
        return new CallerResolver(new StaticMonitor(options));
    }

    private static PresentedCredentials Principal(string header, string? idp = "aad") => new(header, idp, null);

    [Fact]
    public void A_trusted_principal_acts_with_its_highest_role()
    {
        var caller = Resolver().Resolve(Principal(ClientPrincipal.Encode("aad", "ada@example.org", ["viewer", "manager"]))).Caller!;

        Assert.Equal(new Caller("ada@example.org", Role.Manager, CallerMethod.Entra), caller);
    }

    [Fact]
    public void An_untrusted_principal_counts_as_absent_and_the_key_decides()
    {
        var header = ClientPrincipal.Encode("aad", "mallory", ["owner"]);

        Assert.Null(Resolver(trust: false).Resolve(Principal(header)).Caller);
        Assert.Equal(new Caller("key:ci", Role.Manager, CallerMethod.Key), Resolver(trust: false).Resolve(new PresentedCredentials(header, "aad", KeyCheck.Admitted("ci", false))).Caller);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("e30=")] // {}
    [InlineData("bnVsbA==")] // null
    [InlineData("eyJjbGFpbXMiOiAxfQ==")] // {"claims": 1}
    [InlineData("/////w==")]
    public void A_malformed_principal_is_nobody(string header)
    {
        var resolution = Resolver().Resolve(Principal(header));

        Assert.Null(resolution.Caller);
    }

    [Fact]
    public void A_principal_without_a_role_or_with_an_unknown_one_is_known_but_holds_none()
    {
        Assert.Null(Resolver().Resolve(Principal(ClientPrincipal.Encode("aad", "ada", []))).Caller!.Role);
        Assert.Null(Resolver().Resolve(Principal(ClientPrincipal.Encode("aad", "ada", ["superuser"]))).Caller!.Role);
    }

    [Fact]
    public void A_principal_of_another_tenant_holds_no_role_when_a_tenant_is_configured()
    {
        var ours = "11111111-1111-1111-1111-111111111111";
        var resolver = Resolver(tenant: ours);

        var foreign = resolver.Resolve(Principal(ClientPrincipal.Encode("aad", "eve", ["owner"], "22222222-2222-2222-2222-222222222222")));
        var home = resolver.Resolve(Principal(ClientPrincipal.Encode("aad", "ada", ["owner"], ours)));

        Assert.Null(foreign.Caller!.Role);
        Assert.Contains("another tenant", foreign.Why, StringComparison.Ordinal);
        Assert.Equal(Role.Owner, home.Caller!.Role);
    }

    [Fact]
    public void The_tenant_is_read_from_the_issuer_when_there_is_no_tid_claim()
    {
        var json = """{"auth_typ":"aad","claims":[{"typ":"iss","val":"https://login.microsoftonline.com/11111111-1111-1111-1111-111111111111/v2.0"},{"typ":"roles","val":"viewer"},{"typ":"name","val":"ada"}]}""";

        var principal = ClientPrincipal.Parse(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)))!;

        Assert.Equal("11111111-1111-1111-1111-111111111111", principal.TenantId);
    }

    [Fact]
    public void Keys_act_with_their_configured_role_manager_by_default_and_owner_only_when_configured_or_master()
    {
        var resolver = Resolver(true, null, ("reader", "analyst"), ("pi", "owner"), ("typo", "admin"));

        Assert.Equal(Role.Manager, resolver.Resolve(new(null, null, KeyCheck.Admitted("ci", false))).Caller!.Role);
        Assert.Equal(Role.Analyst, resolver.Resolve(new(null, null, KeyCheck.Admitted("reader", false))).Caller!.Role);
        Assert.Equal(Role.Owner, resolver.Resolve(new(null, null, KeyCheck.Admitted("pi", false))).Caller!.Role);
        Assert.Null(resolver.Resolve(new(null, null, KeyCheck.Admitted("typo", false))).Caller!.Role);
        Assert.Equal(new Caller("key:master", Role.Owner, CallerMethod.Key), resolver.Resolve(new(null, null, KeyCheck.Admitted("master", true))).Caller);
        Assert.Null(resolver.Resolve(new(null, null, null)).Caller);
    }

    [Fact]
    public void A_key_that_is_not_ours_proves_no_one_and_keys_that_cannot_be_read_say_so()
    {
        var unknown = Resolver().Resolve(new(null, null, KeyCheck.Unknown));
        var unreadable = Resolver().Resolve(new(null, null, KeyCheck.Unavailable("Resource Manager answered 403")));
        var signedIn = Resolver().Resolve(new(ClientPrincipal.Encode("aad", "ada", ["viewer"]), "aad", KeyCheck.Unknown));

        Assert.Null(unknown.Caller);
        Assert.False(unknown.KeysUnavailable);
        Assert.Contains("not a key of this app", unknown.Why, StringComparison.Ordinal);
        Assert.Null(unreadable.Caller);
        Assert.True(unreadable.KeysUnavailable);
        Assert.Equal("Resource Manager answered 403", unreadable.Why);
        Assert.Equal(new Caller("ada", Role.Viewer, CallerMethod.Entra), signedIn.Caller);
    }

    [Fact]
    public void The_development_sign_in_is_told_apart_from_entra()
    {
        var caller = Resolver().Resolve(Principal(ClientPrincipal.Encode("dev", "ada", ["analyst"]), idp: "dev")).Caller!;

        Assert.Equal(CallerMethod.Dev, caller.Method);
        Assert.Equal("dev", caller.MethodName);
    }

    [Fact]
    public void Roles_nest_owner_manager_analyst_viewer()
    {
        Assert.True(Role.Owner.Includes(Role.Viewer));
        Assert.True(Role.Manager.Includes(Role.Analyst));
        Assert.False(Role.Analyst.Includes(Role.Manager));
        Assert.False(Role.Viewer.Includes(Role.Analyst));
    }

    [Fact]
    public void The_audit_log_offers_no_way_to_change_or_remove_a_row()
    {
        var methods = typeof(AuditLog).GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Select(m => m.Name)
            .ToList();

        Assert.Contains("AppendAsync", methods);
        Assert.DoesNotContain(methods, m => m.Contains("Update", StringComparison.OrdinalIgnoreCase) || m.Contains("Delete", StringComparison.OrdinalIgnoreCase)
            || m.Contains("Upsert", StringComparison.OrdinalIgnoreCase) || m.Contains("Remove", StringComparison.OrdinalIgnoreCase)
            || m.Contains("Replace", StringComparison.OrdinalIgnoreCase) || m.Contains("Merge", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Audit_row_keys_sort_newest_first()
    {
        var earlier = AuditLog.RowKeyFor(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        var later = AuditLog.RowKeyFor(new DateTimeOffset(2026, 12, 3, 10, 0, 1, TimeSpan.Zero));

        Assert.True(string.CompareOrdinal(later, earlier) < 0);
        Assert.Equal(earlier.Length, later.Length);
    }

    private sealed class StaticMonitor(AuthOptions value) : IOptionsMonitor<AuthOptions>
    {
        public AuthOptions CurrentValue => value;

        public AuthOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<AuthOptions, string?> listener) => null;
    }
}
