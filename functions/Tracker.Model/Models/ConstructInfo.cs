namespace Tracker.Model.Models;

/// <summary>A construct as the reader of a summary needs it: id, plain name, and its layer of the chain.</summary>
public sealed record ConstructInfo(string Id, string Name, string Layer);
