namespace Tracker.Engine.Instruments;

/// <summary>One measured construct, e.g. <c>willingness</c>; <see cref="Layer"/> places it in the behaviour → psychology → outcome chain.</summary>
public sealed record Construct(string Id, string Name, string Layer, IReadOnlyList<Item> Items);
