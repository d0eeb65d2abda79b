using System.Text.Json.Serialization;

namespace Tracker.Model.Models;

/// <summary>Cronbach's α of a construct in one wave.</summary>
public sealed record WaveAlphaDocument(int Wave, int N, double? Alpha)
{
    /// <summary>Why this α deserves a look (e.g. a reverse-keyed item left unreversed); absent when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Warning { get; init; }
}
