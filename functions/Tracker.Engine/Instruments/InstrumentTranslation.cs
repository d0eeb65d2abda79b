namespace Tracker.Engine.Instruments;

/// <summary>
/// Every participant-facing text of an instrument in one other language: the title, the introduction, the scale's
/// labels (lowest first), each item's and question's text by id, each choice's label by question id and code, and
/// each page's title by page id. Codes and ids stay as in the base language, so answers and exports do not depend on
/// the language a participant read.
/// </summary>
public sealed record InstrumentTranslation
{
    public string? Title { get; init; }

    public string? Introduction { get; init; }

    public IReadOnlyList<string>? Scale { get; init; }

    public IReadOnlyDictionary<string, string>? Items { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? Choices { get; init; }

    public IReadOnlyDictionary<string, string>? Pages { get; init; }
}
