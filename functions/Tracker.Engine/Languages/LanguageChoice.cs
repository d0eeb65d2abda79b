namespace Tracker.Engine.Languages;

/// <summary>One entry of the language selector on a participant page: the tag sent back and the language's own name for itself.</summary>
public sealed record LanguageChoice(string Tag, string Name);
