namespace Tracker.Cli.Tests;

/// <summary>
/// Tests that read or rebuild the CLI's own build output (functions/Tracker.Cli/bin): run one at a time, so a pack
/// never reads the assembly while the launcher rebuilds it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BuildOutputCollection
{
    public const string Name = "CLI build output";
}
