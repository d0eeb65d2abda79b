namespace Tracker.LocalHost.Invocation;

/// <summary>How one parameter is filled, decided once at discovery so a bad signature fails at start-up.</summary>
/// <param name="Key">The route value or queue metadata name the parameter reads (the parameter name otherwise).</param>
internal sealed record ParameterBinding(string Name, Type Type, ParameterSource Source, string Key, bool HasDefault, object? DefaultValue);
