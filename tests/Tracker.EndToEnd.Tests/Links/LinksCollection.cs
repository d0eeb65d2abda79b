namespace Tracker.EndToEnd.Tests.Links;

/// <summary>The link tests share one stack and run one after another: the outage test stops its storage under the others.</summary>
[CollectionDefinition(Name)]
public sealed class LinksCollection : ICollectionFixture<LinksFixture>
{
    public const string Name = "links";
}
