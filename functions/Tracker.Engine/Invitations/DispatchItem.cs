namespace Tracker.Engine.Invitations;

/// <summary>One planned message in a <see cref="DispatchBatch"/>: who, and which kind (invite or reminder n).</summary>
public sealed record DispatchItem(string ParticipantId, string Kind);
