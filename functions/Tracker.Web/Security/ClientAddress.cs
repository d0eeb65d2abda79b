using System.Net;
using Microsoft.AspNetCore.Http;

namespace Tracker.Web.Security;

/// <summary>
/// The address a request came from, as the rate limiter partitions by it. Only entries of X-Forwarded-For that a
/// trusted proxy wrote count: each proxy appends the address it saw to the end of the header, so with
/// <c>trustedProxyHops</c> proxies in front of the app the client is the entry that many places from the end. Anything
/// to its left was written by the client and may be forged. With no trusted proxy (a local server) the header is
/// ignored and the connection's remote address counts.
/// </summary>
public static class ClientAddress
{
    public const string ForwardedForHeader = "X-Forwarded-For";

    /// <summary>Stands for requests whose address cannot be told (in-process test servers); they share one bucket.</summary>
    public const string Unknown = "unknown";

    public static string Of(HttpRequest request, int trustedProxyHops)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(trustedProxyHops);
        var remote = request.HttpContext.Connection.RemoteIpAddress is { } connection ? Normalise(connection).ToString() : Unknown;
        if (trustedProxyHops == 0) return remote;

        // Several X-Forwarded-For headers are one list in order (RFC 9110 §5.3), so join them before counting from the end.
        var entries = request.Headers[ForwardedForHeader]
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();

        // Fewer entries than trusted proxies means the request did not come through them all; an entry that is not an
        // address cannot name a client. Either way the connection's address counts, so no made-up value mints a bucket.
        if (entries.Count < trustedProxyHops) return remote;
        return Parse(entries[^trustedProxyHops])?.ToString() ?? remote;
    }

    /// <summary>An IP address, with or without a port (Azure's front end writes "203.0.113.7:52144"); anything else is null.</summary>
    private static IPAddress? Parse(string hop)
    {
        if (IPAddress.TryParse(hop, out var address)) return Normalise(address);
        return IPEndPoint.TryParse(hop, out var endpoint) ? Normalise(endpoint.Address) : null;
    }

    private static IPAddress Normalise(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
