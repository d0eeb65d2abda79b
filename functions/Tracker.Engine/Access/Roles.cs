namespace Tracker.Engine.Access;

/// <summary>The roles' names as they appear in app roles, key settings, problems and the audit trail.</summary>
public static class Roles
{
    public static IReadOnlyList<Role> All { get; } = [Role.Viewer, Role.Analyst, Role.Manager, Role.Owner];

    public static string Name(Role role) => role switch
    {
        Role.Viewer => "viewer",
        Role.Analyst => "analyst",
        Role.Manager => "manager",
        Role.Owner => "owner",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>A role by name (case-insensitive); null for anything else, so an unknown name grants nothing.</summary>
    public static Role? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "viewer" => Role.Viewer,
        "analyst" => Role.Analyst,
        "manager" => Role.Manager,
        "owner" => Role.Owner,
        _ => null,
    };

    /// <summary>The highest role among names (a person given several app roles acts with the strongest); null when none is known.</summary>
    public static Role? Highest(IEnumerable<string> names) =>
        names.Select(Parse).Where(r => r is not null).Max();

    public static bool Includes(this Role held, Role needed) => held >= needed;
}
