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

    /// <summary>The form's pages in order; null for an instrument written before pages existed (one page of every construct).</summary>
    public IReadOnlyList<Page>? Pages { get; init; }

    /// <summary>The texts in every other panel language, keyed by BCP 47 tag; null when the panel speaks only <see cref="Language"/>.</summary>
    public IReadOnlyDictionary<string, InstrumentTranslation>? Translations { get; init; }

    // Derived, so never part of the stored JSON.
    [JsonIgnore]
    public IEnumerable<Item> Items => Constructs.SelectMany(c => c.Items);

    /// <summary>The pages as shown: <see cref="Pages"/>, or one page holding every construct in order.</summary>
    [JsonIgnore]
    public IReadOnlyList<Page> FormPages => Pages is { Count: > 0 } pages
        ? pages
        : [new Page("main", [.. Constructs.Select(c => new PageEntry(c.Id, null))])];

    /// <summary>Every question on every page, in page order.</summary>
    [JsonIgnore]
    public IEnumerable<Question> Questions => FormPages.SelectMany(p => p.Items).Select(e => e.Question).OfType<Question>();
}
