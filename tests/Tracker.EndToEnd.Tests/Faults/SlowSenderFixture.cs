using Microsoft.Extensions.Logging;
using Tracker.LocalHost.App;

namespace Tracker.EndToEnd.Tests.Faults;

/// <summary>
/// The sending-faults stack with a provider's cap of two messages a second (<c>Smtp:MessagesPerSecond</c>), so a batch
/// outlasts its claims once the test moves the clock past the lease, and with information logs kept (the planner's counts).
/// </summary>
public sealed class SlowSenderFixture : SendingFaultsFixture
{
    public const double MessagesPerSecond = 2;

    protected override void Configure(TrackerStackOptions options)
    {
        options.Settings["Smtp:MessagesPerSecond"] = MessagesPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture);
        options.MinimumLogLevel = LogLevel.Information;
    }
}

/// <summary>The slow-sender tests have a stack of their own: its send rate would slow every other fault test.</summary>
[CollectionDefinition(Name)]
public sealed class SlowSenderCollection : ICollectionFixture<SlowSenderFixture>
{
    public const string Name = "slow sender";
}
