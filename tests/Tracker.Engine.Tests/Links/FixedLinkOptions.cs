using Microsoft.Extensions.Options;
using Tracker.Engine.Configuration;

namespace Tracker.Engine.Tests.Links;

/// <summary>Link options that never change, for signers built outside a host.</summary>
internal sealed class FixedLinkOptions(LinkOptions value) : IOptionsMonitor<LinkOptions>
{
    public LinkOptions CurrentValue => value;

    public LinkOptions Get(string? name) => value;

    public IDisposable? OnChange(Action<LinkOptions, string?> listener) => null;
}
