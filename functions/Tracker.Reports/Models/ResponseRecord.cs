namespace Tracker.Reports.Models;

/// <summary>One participant's answers to one wave, as the model fit reads them (the pseudonymous id only, nothing personal).</summary>
public sealed record ResponseRecord(string ParticipantId, int Wave, IReadOnlyDictionary<string, double?> Scores, IReadOnlyDictionary<string, int> Answers);
