using System.Globalization;
using MimeKit;
using Tracker.Engine.Email;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;

namespace Tracker.Engine.Invitations;

/// <summary>
/// Writes the invitation, reminder or reissued-link email: a plain-text part and an HTML part (rendered by <see cref="IEmailBodyRenderer"/>), the personal link, the opt-out page (also as
/// RFC 8058 one-click <c>List-Unsubscribe</c> headers, which leave the panel), and a Message-ID that never changes for the same send.
/// </summary>
public static class InvitationComposer
{
    public static MimeMessage Compose(IEmailBodyRenderer bodies, Panel panel, Participant participant, int wave, string kind, MailboxAddress from, string to, Uri link, Uri optOut) =>
        Compose(bodies, panel, participant, wave, kind, from, to, link, optOut, participant.ScheduleIn(panel).ClosesAt(wave));

    /// <param name="closesAt">The participant's deadline: their planned close, or later when the invitation went out late.</param>
    public static MimeMessage Compose(IEmailBodyRenderer bodies, Panel panel, Participant participant, int wave, string kind, MailboxAddress from, string to, Uri link, Uri optOut, DateTimeOffset closesAt)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        var schedule = participant.ScheduleIn(panel);
        var zone = schedule.Zone;
        var closes = TimeZoneInfo.ConvertTime(closesAt, zone);
        var closesText = closes.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" ({zone.Id})";
        var reminder = MessageKind.ReminderNumber(kind) > 0;
        var reissue = MessageKind.IsReissue(kind);
        var subject = reminder
            ? $"Reminder — {panel.Name}: wave {wave} of {panel.Schedule.Waves} is still open for you"
            : reissue
                ? $"New link — {panel.Name}: your survey for wave {wave} of {panel.Schedule.Waves}"
                : $"{panel.Name}: your survey for wave {wave} of {panel.Schedule.Waves}";

        var message = new MimeMessage { Subject = subject, MessageId = MessageId(panel.Id, wave, participant.Id, kind, from.Address) };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(to));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("List-Unsubscribe", $"<{optOut}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

        var opening = reminder
            ? $"A friendly reminder: wave {wave} of {panel.Schedule.Waves} of \"{panel.Name}\" is still open and we have not received your answers yet. It takes about five minutes."
            : reissue
                ? $"The links in our earlier emails about \"{panel.Name}\" no longer work. This email replaces them: below is your new personal link for wave {wave} of {panel.Schedule.Waves}, and any answers you already gave are kept."
                : $"Wave {wave} of {panel.Schedule.Waves} of \"{panel.Name}\" is open. It takes about five minutes.";
        var text = $"""
            Hello,

            {opening}

            Your personal link (please do not share it):
            {link}

            You can answer until {closesText}, and change your answers with the same link until then.

            Thank you for taking part.

            --
            Skip this wave, stop reminders or leave the panel: {optOut}
            """;
        var html = bodies.Invitation(new InvitationBody(subject, opening, wave, link.ToString(), closesText, optOut.ToString()));
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }

    /// <summary>Deterministic, so a repeated send of the same message is recognisable as the same message downstream.</summary>
    public static string MessageId(string panelId, int wave, string participantId, string kind, string fromAddress)
    {
        var domain = fromAddress.Contains('@', StringComparison.Ordinal) ? fromAddress[(fromAddress.IndexOf('@', StringComparison.Ordinal) + 1)..] : "tracker.local";
        return $"{panelId}.w{wave}.{participantId}.{kind}@{domain}";
    }
}
