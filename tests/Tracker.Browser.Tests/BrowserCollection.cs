namespace Tracker.Browser.Tests;

/// <summary>One stack and one Chromium for every browser test class; they run one after another since they move one clock.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
