namespace Tracker.LocalHost;

/// <summary>A named key of one function, as <c>az functionapp function keys set</c> creates in Azure.</summary>
/// <param name="Function">The function's name (its <c>[Function]</c> attribute), case-insensitive as in Azure.</param>
/// <param name="Name">The key's name, e.g. the script or person it was issued to.</param>
/// <param name="Value">The secret itself.</param>
public sealed record FunctionKey(string Function, string Name, string Value);
