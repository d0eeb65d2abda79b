using System.Text.Json.Serialization;

namespace Tracker.Engine.Instruments;

/// <summary>A questionnaire: constructs of items answered on one agreement scale. Instruments are data, so researchers can replace them.</summary>
public sealed record Instrument(
    string Id,
    string Title,
    string Introduction,
    ResponseScale Scale,
    IReadOnlyList<Construct> Constructs)
{
    /// <summary>BCP 47 tag of the wording, so the form's <c>&lt;html lang&gt;</c> lets screen readers pronounce it correctly.</summary>
    public string Language { get; init; } = "en";

    // Derived, so never part of the stored JSON.
    [JsonIgnore]
    public IEnumerable<Item> Items => Constructs.SelectMany(c => c.Items);
}
