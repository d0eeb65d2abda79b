using System.Net;
using Microsoft.AspNetCore.Http;

namespace Tracker.Panels.Security;

/// <summary>
/// The address a request came from, as the rate limiter partitions by it: the first X-Forwarded-For hop when a front
/// end (Azure's, or a reverse proxy) added one, else the connection's remote address.
/// </summary>
public static class ClientAddress
{
    public const string ForwardedForHeader = "X-Forwarded-For";

    /// <summary>Stands for requests whose address cannot be told (in-process test servers); they share one bucket.</summary>
    public const string Unknown = "unknown";

    public static string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var forwarded = request.Headers[ForwardedForHeader].ToString();
        if (forwarded.Length > 0)
        {
            var first = forwarded.Split(',', 2)[0].Trim();
            if (Parse(first) is { } hop) return hop.ToString();
        }

        return request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? Unknown;
    }

    /// <summary>
    /// An IP address, with or without a port (Azure's front end writes "203.0.113.7:52144"); anything else is null so that
    /// a made-up header value cannot mint a fresh bucket per request.
    /// </summary>
    private static IPAddress? Parse(string hop)
    {
        if (IPAddress.TryParse(hop, out var address)) return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return IPEndPoint.TryParse(hop, out var endpoint) ? endpoint.Address : null;
    }
}
