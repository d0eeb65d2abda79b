namespace Tracker.Analysis.Riclpm;

/// <summary>
/// What to fit: the constructs (two to four score columns of the long table), the participant and
/// wave columns, and whether each lagged path is held equal over waves or free per wave.
/// </summary>
public sealed record RiclpmSpecification(IReadOnlyList<string> Constructs, bool EqualLaggedPaths = false)
{
    public const int MinimumConstructs = 2;
    public const int MaximumConstructs = 4;
    public const int MinimumWaves = 3;

    public string Subject { get; init; } = "participant_id";

    public string Wave { get; init; } = "wave";
}
