using Microsoft.Azure.Functions.Worker;

namespace Tracker.LocalHost.Discovery;

/// <summary>What an HTTP trigger answers to, after the route prefix has been applied.</summary>
/// <param name="Route">The route template relative to the prefix (the function name when the attribute has none).</param>
/// <param name="Template">The full template served by Kestrel, prefix included.</param>
/// <param name="Methods">Upper-case HTTP methods; empty means every method.</param>
/// <param name="AuthLevel">The attribute's level: Anonymous needs no key, Function a function, host or master key, any other the master key.</param>
public sealed record HttpTriggerInfo(string Route, string Template, IReadOnlyList<string> Methods, AuthorizationLevel AuthLevel)
{
    public bool RequiresKey => AuthLevel != AuthorizationLevel.Anonymous;
}
