namespace Tracker.Engine.Access;

/// <summary>
/// An HTTP function anyone may reach, declared on its <c>Run</c> method with what stands in for a role (a signed link,
/// a dashboard session). Every HTTP function declares either this or <see cref="RequiresRoleAttribute"/>, so a new
/// function that declares neither is caught by a test rather than shipped open.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class PublicRouteAttribute(string credential) : Attribute
{
    /// <summary>What the caller proves instead of a role, in words for the docs.</summary>
    public string Credential { get; } = credential;
}
