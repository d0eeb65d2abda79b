using Tracker.Panels.Instruments;

namespace Tracker.Panels.Panels;

/// <summary>A running study: who is asked what, and when.</summary>
public sealed record Panel(
    string Id,
    string Name,
    Instrument Instrument,
    WaveSchedule Schedule,
    string DefaultTimeZone,
    DateTimeOffset CreatedAt);
