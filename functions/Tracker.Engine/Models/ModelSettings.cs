namespace Tracker.Engine.Models;

/// <summary>
/// A panel's model settings (<c>"models"</c> in the definition). <paramref name="IncludePartial"/> is off by default:
/// a participant who stopped part-way answered only some constructs, and their scores would be compared with whole
/// responses as if nothing were missing.
/// </summary>
public sealed record ModelSettings(bool IncludePartial = false)
{
    public static ModelSettings Default { get; } = new();
}
