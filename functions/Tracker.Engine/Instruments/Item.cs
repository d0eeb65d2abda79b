namespace Tracker.Engine.Instruments;

/// <summary>One statement to agree or disagree with. Ids are <c>{constructId}_{n}</c> so exports and analysis can group items by prefix.</summary>
public sealed record Item(string Id, string Text, bool Reversed);
