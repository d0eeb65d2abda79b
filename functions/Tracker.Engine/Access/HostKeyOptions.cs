namespace Tracker.Engine.Access;

/// <summary>
/// Where the app reads the Function App's own keys to check a presented one (app settings
/// <c>Tracker__Auth__HostKeys__*</c>, written by infra). The Functions host does not pass the isolated worker the
/// name of the key it admitted, so the app compares a presented key with the keys Azure Resource Manager lists.
/// </summary>
public sealed class HostKeyOptions
{
    public const string Section = "Tracker:Auth:HostKeys";

    /// <summary>The Function App's resource id (<c>/subscriptions/…/providers/Microsoft.Web/sites/NAME</c>); empty: keys cannot be checked.</summary>
    public string? SiteResourceId { get; set; }

    /// <summary>Client id of the user-assigned identity that may list the keys; empty: the default Azure credential.</summary>
    public string? ClientId { get; set; }

    /// <summary>The Resource Manager endpoint of the app's cloud (Bicep's <c>environment().resourceManager</c>).</summary>
    public Uri ManagementEndpoint { get; set; } = new("https://management.azure.com/");
}
