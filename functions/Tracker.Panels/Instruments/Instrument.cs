namespace Tracker.Panels.Instruments;

/// <summary>A questionnaire: constructs of items answered on one agreement scale. Instruments are data, so researchers can replace them.</summary>
public sealed record Instrument(
    string Id,
    string Title,
    string Introduction,
    ResponseScale Scale,
    IReadOnlyList<Construct> Constructs)
{
    public IEnumerable<Item> Items => Constructs.SelectMany(c => c.Items);
}
