using Microsoft.Extensions.Options;

namespace Tracker.Engine.Access;

/// <summary>
/// Turns what a request carried into a <see cref="Caller"/>. A signed-in person (a principal the platform set) comes
/// first, since a person's roles are theirs; otherwise the presented key, once checked against the app's keys, with the role configured for its
/// name (manager when none is, owner for the master key). A principal header nobody vouches for counts as absent.
/// </summary>
public sealed class CallerResolver(IOptionsMonitor<AuthOptions> options)
{
    public const string MasterKeyName = "master";

    public CallerResolution Resolve(PresentedCredentials presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var settings = options.CurrentValue;
        if (settings.TrustPlatformPrincipal && ClientPrincipal.Parse(presented.Principal) is { } principal)
        {
            var method = string.Equals(presented.IdentityProvider, "dev", StringComparison.OrdinalIgnoreCase) ? CallerMethod.Dev : CallerMethod.Entra;
            var name = string.IsNullOrWhiteSpace(principal.Name) ? "(unnamed)" : principal.Name.Trim();
            if (!string.IsNullOrWhiteSpace(settings.TenantId)
                && !string.Equals(principal.TenantId, settings.TenantId.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return new CallerResolution(new Caller(name, null, method), "signed in from another tenant");
            }

            var role = Roles.Highest(principal.Roles);
            return new CallerResolution(new Caller(name, role, method), role is null ? "signed in without a Tracker role (owner, manager, analyst or viewer)" : null);
        }

        switch (presented.Key)
        {
            case { Outcome: KeyCheckOutcome.Admitted, Name: var keyName, IsMaster: var master }:
            {
                var named = string.IsNullOrEmpty(keyName) ? MasterKeyName : keyName;
                if (master) return new CallerResolution(new Caller("key:" + named, Role.Owner, CallerMethod.Key));
                if (!settings.KeyRoles.TryGetValue(named, out var configured)) return new CallerResolution(new Caller("key:" + named, Role.Manager, CallerMethod.Key));
                var role = Roles.Parse(configured);
                return new CallerResolution(new Caller("key:" + named, role, CallerMethod.Key), role is null ? $"key '{named}' is configured with an unknown role" : null);
            }

            case { Outcome: KeyCheckOutcome.Unavailable, Reason: var reason }:
                return new CallerResolution(null, reason, KeysUnavailable: true);
            case { Reason: var reason }:
                return new CallerResolution(null, reason);
        }

        return CallerResolution.Nobody;
    }
}
