namespace Tracker.Engine.Invitations;

/// <summary>
/// What reissuing one wave's links did: <see cref="Queued"/> fresh invitations signed with <see cref="KeyId"/> put on
/// the dispatch queue now, <see cref="AlreadyReissued"/> of those it was for that already had one for this key.
/// </summary>
public sealed record ReissueReport(int Wave, string KeyId, int Queued, int AlreadyReissued);
