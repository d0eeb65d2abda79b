using Tracker.Engine.Panels;
using Tracker.Engine.Participants;

namespace Tracker.Engine.Invitations;

/// <summary>
/// What the schedule sends to whom and when — pure, so the dispatcher, the batch sender and the plan dry run agree.
/// A reminder goes only to someone invited, not yet answered and not opted out of reminders, and only the latest one
/// due: after an outage a participant gets one catch-up reminder, not a burst.
/// </summary>
public static class SendPlan
{
    /// <summary>Why a message queued before the researcher closed the panel was settled without sending.</summary>
    public const string PanelClosed = "panel closed";

    /// <summary>Every message the current schedule makes for the participant, whatever has happened so far.</summary>
    public static IEnumerable<PlannedSend> For(Panel panel, Participant participant)
    {
        var schedule = participant.ScheduleIn(panel);
        for (var wave = 1; wave <= schedule.Waves; wave++)
        {
            var invite = schedule.InviteAt(wave);
            var closes = schedule.ClosesAt(wave);
            yield return new PlannedSend(participant.Id, wave, MessageKind.Invite, invite, closes);
            for (var r = 1; r <= schedule.RemindersIn(wave); r++)
            {
                var at = schedule.ReminderAt(wave, r);
                if (at < closes) yield return new PlannedSend(participant.Id, wave, MessageKind.Reminder(r), at, closes);
            }
        }
    }

    /// <summary>
    /// The messages of <paramref name="wave"/> due for the participant at <paramref name="now"/> that the ledger has no
    /// row for. <paramref name="invitationClosesAt"/> is the close fixed when the invitation went out: a late one moves
    /// the window and the reminders with it. An invitation not yet sent is due only until the planned close.
    /// </summary>
    public static IEnumerable<PlannedSend> Due(Panel panel, Participant participant, int wave, DateTimeOffset now, Func<string, string?> ledgerState, bool responded, DateTimeOffset? invitationClosesAt = null)
    {
        if (panel.IsClosed || !participant.Active || participant.SkippedWaves.Contains(wave)) yield break;
        var schedule = participant.ScheduleIn(panel);
        var invite = schedule.InviteAt(wave);
        var planned = schedule.ClosesAt(wave);
        var closes = Later(planned, invitationClosesAt);
        if (now < invite || now >= closes) yield break;

        if (ledgerState(MessageKind.Invite) is null)
        {
            if (now < planned) yield return new PlannedSend(participant.Id, wave, MessageKind.Invite, invite, planned);
            yield break;
        }

        if (responded || participant.RemindersOff || ledgerState(MessageKind.Invite) != Storage.LedgerEntity.Sent) yield break;
        var moved = closes - planned;
        for (var r = schedule.RemindersIn(wave); r >= 1; r--)
        {
            var at = schedule.ReminderAt(wave, r) + moved;
            if (at > now || at >= closes) continue;
            if (ledgerState(MessageKind.Reminder(r)) is null) yield return new PlannedSend(participant.Id, wave, MessageKind.Reminder(r), at, closes);
            yield break;
        }
    }

    /// <summary>
    /// Why the participant must not get this message whatever the time — left, skipped the wave, stopped reminders,
    /// answered — or null. A reissue replaces a link that stopped working, so only leaving or skipping cancels it.
    /// </summary>
    public static string? Cancellation(Participant participant, int wave, string kind, bool responded)
    {
        if (!participant.Active) return "left the panel";
        if (participant.SkippedWaves.Contains(wave)) return "skipped this wave";
        if (kind == MessageKind.Invite || MessageKind.IsReissue(kind)) return null;
        if (participant.RemindersOff) return "reminders stopped";
        return responded ? "already answered" : null;
    }

    /// <summary>
    /// Why a planned message must not go out now (checked again by the sender, since plans wait in a queue), or null.
    /// <paramref name="invitationClosesAt"/>: the close fixed when the invitation went out, for a reminder.
    /// </summary>
    public static string? Refusal(Panel panel, Participant participant, int wave, string kind, DateTimeOffset now, bool responded, DateTimeOffset? invitationClosesAt = null)
    {
        if (panel.IsClosed) return PanelClosed;
        if (Cancellation(participant, wave, kind, responded) is { } cancelled) return cancelled;
        var schedule = participant.ScheduleIn(panel);
        var closes = kind == MessageKind.Invite ? schedule.ClosesAt(wave) : Later(schedule.ClosesAt(wave), invitationClosesAt);
        if (now >= closes) return "window closed";
        return now < schedule.InviteAt(wave) ? "not yet open" : null;
    }

    /// <summary>
    /// Whether a reissue of the wave's links is for the participant at <paramref name="now"/>: invited (the invitation
    /// sent; one still to go out is signed with the active key anyway), neither left nor skipped, inside their own
    /// window, and not yet answered unless <paramref name="includeResponded"/> (their link also edits saved answers).
    /// </summary>
    public static bool ReissueIsFor(Panel panel, Participant participant, int wave, DateTimeOffset now, string? inviteState, bool responded, bool includeResponded)
    {
        if (inviteState != Storage.LedgerEntity.Sent || (responded && !includeResponded)) return false;
        if (!participant.Active || participant.SkippedWaves.Contains(wave)) return false;
        var schedule = participant.ScheduleIn(panel);
        return now >= schedule.InviteAt(wave) && now < schedule.ClosesAt(wave);
    }
    private static DateTimeOffset Later(DateTimeOffset planned, DateTimeOffset? fixedAtInvitation) =>
        fixedAtInvitation is { } at && at > planned ? at : planned;
}
