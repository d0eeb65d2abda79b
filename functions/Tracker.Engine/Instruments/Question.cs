namespace Tracker.Engine.Instruments;

/// <summary>
/// A question beside the construct items (demographics, open comments, …): answered in its own type and stored as
/// answered. <see cref="Waves"/> null means every wave; <see cref="Condition"/> is the display condition's source text
/// on earlier answers of the same wave, null for always shown. A hidden question is never required and never stored.
/// </summary>
public sealed record Question(string Id, QuestionType Type, string Text)
{
    public bool Required { get; init; } = true;

    /// <summary>The options of a single- or multiple-choice question, in the order shown.</summary>
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    /// <summary>Bounds of a number question (inclusive).</summary>
    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>Whether a number question takes whole numbers only (<c>"integer": true</c> in JSON).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("integer")]
    public bool WholeNumbers { get; init; }

    /// <summary>The most characters a text answer may have.</summary>
    public int? MaxLength { get; init; }

    public IReadOnlyList<int>? Waves { get; init; }

    public string? Condition { get; init; }
}
