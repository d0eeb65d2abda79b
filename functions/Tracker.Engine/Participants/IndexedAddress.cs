namespace Tracker.Engine.Participants;

/// <summary>What a built enrolment index says of one address: the participant it names, or null when it names none.</summary>
public sealed record IndexedAddress(string? ParticipantId);
