using System.Globalization;
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
    /// <param name="firstName">The participant's first name from the contact, if the CSV gave one.</param>
    /// <param name="language">The participant's language (<see cref="ParticipantLanguage.Of"/>); the panel's default when null.</param>
    public static MimeMessage Compose(
        IEmailBodyRenderer bodies, Panel panel, Participant participant, int wave, string kind, MailboxAddress from, string to, Uri link, Uri optOut, DateTimeOffset closesAt, string? firstName = null, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(from);
        var texts = PageTextCatalog.For(panel, language);
        language = texts.Language;
        firstName = string.IsNullOrWhiteSpace(firstName) ? null : firstName.Trim();
        var settings = panel.Invitations;
        var schedule = participant.ScheduleIn(panel);
        var zone = schedule.Zone;
        var closesText = texts.When(TimeZoneInfo.ConvertTime(closesAt, zone), zone.Id, email: true);
        var reminder = MessageKind.ReminderNumber(kind) > 0;
        var reissue = MessageKind.IsReissue(kind);
        (string Name, object Value)[] fixedValues = [("panel", panel.Name), ("wave", wave), ("waves", panel.Schedule.Waves)];

        // A reissue replaces links that stopped working: its wording is Tracker's own, whatever the templates say.
        var template = reissue ? null : reminder ? settings.Templates?.Reminder : settings.Templates?.Invitation;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MessageTemplate.FirstName] = firstName ?? texts[PageText.EmailNeutralName],
            [MessageTemplate.Wave] = wave.ToString(CultureInfo.InvariantCulture),
            [MessageTemplate.WaveCount] = panel.Schedule.Waves.ToString(CultureInfo.InvariantCulture),
            [MessageTemplate.Deadline] = closesText,
            [MessageTemplate.Link] = link.ToString(),
            [MessageTemplate.OptOutLink] = optOut.ToString(),
            [MessageTemplate.Study] = panel.Name,
            [MessageTemplate.Institution] = settings.Institution?.For(language) ?? "",
        };
        var subject = template is not null
            ? OneLine(MessageTemplate.FillText(template.Subject.For(language), values))
            : texts.Fill(reminder ? PageText.EmailReminderSubject : reissue ? PageText.EmailReissueSubject : PageText.EmailInviteSubject, fixedValues);

        var message = new MimeMessage { Subject = subject, MessageId = MessageId(panel.Id, wave, participant.Id, kind, from.Address) };
        // The display name is the study's; the address stays the configured sender, the one its domain's SPF and DKIM
        // vouch for. A researcher's own address as From would fail DMARC at most providers and land in spam.
        message.From.Add(new MailboxAddress(settings.SenderName ?? from.Name, from.Address));
        if (settings.ReplyTo is not null) message.ReplyTo.Add(MailboxAddress.Parse(settings.ReplyTo));
        message.To.Add(MailboxAddress.Parse(to));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("List-Unsubscribe", $"<{optOut}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

        var opening = texts.Fill(reminder ? PageText.EmailReminderOpening : reissue ? PageText.EmailReissueOpening : PageText.EmailInviteOpening, fixedValues);
        var greeting = firstName is null ? texts[PageText.EmailHello] : texts.Fill(PageText.EmailHelloName, ("firstName", firstName));
        var facts = Facts(settings, texts);
        var factsText = facts.IsEmpty ? "" : string.Join("\n", facts.TextLines()) + "\n\n";
        var mainText = template is not null
            ? MessageTemplate.FillText(template.Body.For(language), values).Replace("\r\n", "\n", StringComparison.Ordinal).Trim()
            : $"""
                {greeting}

                {opening}

                {texts[PageText.EmailPersonalLink]}
                {link}

                {texts.Fill(PageText.EmailAnswerUntil, ("closes", closesText))}

                {texts[PageText.EmailThanks]}
                """;
        var text = $"""
            {mainText}

            --
            {factsText}{texts[PageText.EmailOptOut]}: {optOut}
            """;
        var body = new InvitationBody(subject, opening, wave, link.ToString(), closesText, optOut.ToString())
        {
            Greeting = greeting,
            Paragraphs = template is null ? null : EmailParagraph.Split(MessageTemplate.Fill(template.Body.For(language), values)),
            Facts = facts,
            Texts = texts,
        };
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = bodies.Invitation(body) }.ToMessageBody();
        return message;
    }

    /// <summary>The trust lines in the participant's language: the panel's texts <c>.For</c> it, the words around them from <paramref name="texts"/>.</summary>
    public static StudyFacts Facts(InvitationSettings settings, ParticipantTexts texts)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(texts);
        var language = texts.Language;
        var institution = settings.Institution?.For(language);
        var runBy = (settings.Researchers, institution) switch
        {
            (null, null) => null,
            ({ } people, null) => people,
            (null, { } place) => place,
            ({ } people, { } place) => $"{people}, {place}",
        };
        return new StudyFacts(
            runBy is null ? null : texts.Fill(PageText.EmailRunBy, ("who", runBy)),
            settings.Purpose is { } purpose ? texts.Fill(PageText.EmailPurpose, ("purpose", purpose.For(language))) : null,
            settings.ContactEmail ?? settings.ReplyTo,
            settings.PrivacyNote is { } privacy ? texts.Fill(PageText.EmailPrivacy, ("privacyNote", privacy.For(language))) : null)
        {
            Heading = texts[PageText.EmailAboutStudy],
            ContactLead = texts[PageText.EmailContact],
        };
    }

    /// <summary>A subject is one header line: line breaks in a filled value (none pass validation) become spaces.</summary>
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    /// <summary>Deterministic, so a repeated send of the same message is recognisable as the same message downstream.</summary>
    public static string MessageId(string panelId, int wave, string participantId, string kind, string fromAddress)
    {
        var domain = fromAddress.Contains('@', StringComparison.Ordinal) ? fromAddress[(fromAddress.IndexOf('@', StringComparison.Ordinal) + 1)..] : "tracker.local";
        return $"{panelId}.w{wave}.{participantId}.{kind}@{domain}";
    }
}
