namespace Tracker.Engine.Access;

/// <summary>
/// Who is calling an admin route: a name for the audit trail (a principal's name, or <c>key:NAME</c>), the role they act
/// with (null when they hold none Tracker knows), and how they signed in.
/// </summary>
public sealed record Caller(string Name, Role? Role, CallerMethod Method)
{
    public string MethodName => Method switch
    {
        CallerMethod.Entra => "entra",
        CallerMethod.Key => "key",
        CallerMethod.Dev => "dev",
        _ => throw new InvalidOperationException(),
    };

    public string RoleName => Role is { } role ? Roles.Name(role) : "none";
}
