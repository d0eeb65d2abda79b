namespace Tracker.EndToEnd.Tests;

/// <summary>All end-to-end classes share one stack and run one after another, since they move one clock.</summary>
[CollectionDefinition(Name)]
public sealed class StackCollection : ICollectionFixture<StackFixture>
{
    public const string Name = "stack";
}
