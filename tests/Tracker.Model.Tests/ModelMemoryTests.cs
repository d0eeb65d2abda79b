using Tracker.Model.Aggregation;

namespace Tracker.Model.Tests;

/// <summary>A fit of a million-participant panel collects between its stages; a small one does not pay for that.</summary>
public sealed class ModelMemoryTests
{
    [Fact]
    public void A_large_table_collects_every_generation_between_stages()
    {
        var before = GC.CollectionCount(GC.MaxGeneration);

        ModelMemory.ReleaseBetweenStages(ModelMemory.LargeRows);

        Assert.True(GC.CollectionCount(GC.MaxGeneration) > before);
    }
}
