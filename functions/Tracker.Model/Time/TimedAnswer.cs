namespace Tracker.Model.Time;

/// <summary>When one participant answered one wave: all the time axis needs to place a response.</summary>
public readonly record struct TimedAnswer(string ParticipantId, int Wave, DateTimeOffset SubmittedAt);
