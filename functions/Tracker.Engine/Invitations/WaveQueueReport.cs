namespace Tracker.Engine.Invitations;

/// <summary>
/// What planning one wave did: <see cref="Queued"/> messages put on the dispatch queue now (new, or re-planned after a
/// lost batch or claim), <see cref="InFlight"/> already queued or being sent by an earlier run, <see cref="Settled"/>
/// already sent, failed, skipped or of unknown outcome.
/// </summary>
public sealed record WaveQueueReport(int Wave, int Queued, int InFlight, int Settled);
