namespace Tracker.Engine.Instruments;

/// <summary>One answer option: the code stored and exported, the label shown.</summary>
public sealed record Choice(string Code, string Label);
