namespace Tracker.Engine.Instruments;

/// <summary>One statement to agree or disagree with. Ids are <c>{constructId}_{n}</c> so exports and analysis can group items by prefix.</summary>
public sealed record Item(string Id, string Text, bool Reversed)
{
    /// <summary>Whether the form insists on an answer; an optional item left blank is scored as missing.</summary>
    public bool Required { get; init; } = true;
}
