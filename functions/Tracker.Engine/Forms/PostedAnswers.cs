namespace Tracker.Engine.Forms;

/// <summary>
/// A posted survey form as the engine sees it: every field in the order sent (a name may repeat, which our form never
/// does) and whether files came with it. The web side reads the HTTP body into this; nothing here knows about HTTP.
/// </summary>
public sealed record PostedAnswers(IReadOnlyList<KeyValuePair<string, string>> Fields, bool HasFiles = false);
