namespace Tracker.Engine.Instruments;

/// <summary>
/// One page of the form, shown and saved as a unit. <see cref="Waves"/> null means every wave (a baseline page of
/// demographics lists <c>[1]</c>); <see cref="Condition"/> is the display condition's source text on earlier answers of
/// the same wave, null for always shown.
/// </summary>
public sealed record Page(string Id, IReadOnlyList<PageEntry> Items)
{
    public string? Title { get; init; }

    public IReadOnlyList<int>? Waves { get; init; }

    public string? Condition { get; init; }
}
