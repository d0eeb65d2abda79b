using System.Text.Json;

namespace Tracker.Cli;

/// <summary>The <c>--json</c> output's serializer options, built once (CA1869): options cache type metadata, so a fresh instance per call redoes that work.</summary>
public static class CliJson
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
