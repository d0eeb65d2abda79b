namespace Tracker.Engine.Access;

/// <summary>
/// The least role an admin function needs, declared on its <c>Run</c> method: the one place a route's role is written.
/// The gate reads it, the role tests iterate it, and docs/api.md's table is checked against it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class RequiresRoleAttribute(Role role) : Attribute
{
    public Role Role { get; } = role;

    /// <summary>When part of the route needs more (an export format with contacts), in words for the docs.</summary>
    public string? Note { get; init; }
}
