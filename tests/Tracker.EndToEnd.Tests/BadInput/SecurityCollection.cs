namespace Tracker.EndToEnd.Tests.BadInput;

/// <summary>The bad-input and security classes share one captured-log stack and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SecurityCollection : ICollectionFixture<SecurityFixture>
{
    public const string Name = "security";
}
