namespace Tracker.Engine.Participants;

/// <summary>
/// A panel's members as status and the plan count them: every row that can be sent to (active with a contact) or has
/// left, and apart from them the active rows without a contact — a failed import's leftovers, which nothing can be sent
/// to until re-running the import completes them.
/// </summary>
public sealed record PanelMembers(IReadOnlyList<Participant> Members, int Orphaned);
