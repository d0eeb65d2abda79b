namespace Tracker.EndToEnd.Tests.Faults;

/// <summary>The sending-fault tests share one stack and run one after another: they stop its services under each other.</summary>
[CollectionDefinition(Name)]
public sealed class SendingFaultsCollection : ICollectionFixture<SendingFaultsFixture>
{
    public const string Name = "sending faults";
}
