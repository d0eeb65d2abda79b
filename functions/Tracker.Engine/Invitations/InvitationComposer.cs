using MimeKit;
using Tracker.Engine.Email;
using Tracker.Engine.Languages;
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
    /// <param name="language">The participant's language (<see cref="ParticipantLanguage.Of"/>); null: the panel's default.</param>
    public static MimeMessage Compose(IEmailBodyRenderer bodies, Panel panel, Participant participant, int wave, string kind, MailboxAddress from, string to, Uri link, Uri optOut, DateTimeOffset closesAt, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        var texts = PageTextCatalog.For(panel, language);
        var schedule = participant.ScheduleIn(panel);
        var zone = schedule.Zone;
        var closesText = texts.When(TimeZoneInfo.ConvertTime(closesAt, zone), zone.Id, email: true);
        var reminder = MessageKind.ReminderNumber(kind) > 0;
        var reissue = MessageKind.IsReissue(kind);
        (string Name, object Value)[] values = [("panel", panel.Name), ("wave", wave), ("waves", panel.Schedule.Waves)];
        var subject = texts.Fill(reminder ? PageText.EmailReminderSubject : reissue ? PageText.EmailReissueSubject : PageText.EmailInviteSubject, values);

        var message = new MimeMessage { Subject = subject, MessageId = MessageId(panel.Id, wave, participant.Id, kind, from.Address) };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(to));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("List-Unsubscribe", $"<{optOut}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

        var opening = texts.Fill(reminder ? PageText.EmailReminderOpening : reissue ? PageText.EmailReissueOpening : PageText.EmailInviteOpening, values);
        var text = $"""
            {texts[PageText.EmailHello]}

            {opening}

            {texts[PageText.EmailPersonalLink]}
            {link}

            {texts.Fill(PageText.EmailAnswerUntil, ("closes", closesText))}

            {texts[PageText.EmailThanks]}

            --
            {texts[PageText.EmailOptOut]}: {optOut}
            """;
        var html = bodies.Invitation(new InvitationBody(subject, opening, wave, link.ToString(), closesText, optOut.ToString()) { Texts = texts });
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
