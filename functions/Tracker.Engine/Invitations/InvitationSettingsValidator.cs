using Tracker.Engine.Common;
using Tracker.Engine.Panels;

namespace Tracker.Engine.Invitations;

/// <summary>
/// Checks the invitation settings against the panel's languages: every participant-facing text in every language,
/// addresses that are addresses, lengths a mail app shows, and templates whose placeholders exist and whose body
/// carries <c>{link}</c> (an invitation without it is useless). Every problem is named by its JSON path.
/// </summary>
public static class InvitationSettingsValidator
{
    public const int MaxSenderNameLength = 100;
    public const int MaxShortTextLength = 300;
    public const int MaxNoteLength = 2000;
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 10_000;

    /// <summary>The settings with names and addresses trimmed; <see cref="InvitationSettings.None"/> when absent.</summary>
    public static InvitationSettings Validate(InvitationSettings? settings, IReadOnlyList<string> languages, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (settings is null) return InvitationSettings.None;
        const string path = InvitationSettingsReader.Path;
        var senderName = Blank(settings.SenderName);
        if (senderName is not null)
        {
            if (senderName.Length > MaxSenderNameLength) problems.Add($"{path}.senderName: is longer than {MaxSenderNameLength} characters");
            else if (senderName.Any(char.IsControl)) problems.Add($"{path}.senderName: contains control characters");
            // A display name that looks like an address is what phishing does; the address shown is always the real sender.
            else if (senderName.IndexOfAny(['@', '<', '>']) >= 0) problems.Add($"{path}.senderName: is a name, not an address (no @, < or >); the address is the configured sender");
        }

        var replyTo = Address(settings.ReplyTo, $"{path}.replyTo", problems);
        var contact = Address(settings.ContactEmail, $"{path}.contactEmail", problems);
        var researchers = Blank(settings.Researchers);
        if (researchers is not null) Line(researchers, $"{path}.researchers", MaxShortTextLength, problems);
        LineTexts(settings.Institution, $"{path}.institution", MaxShortTextLength, languages, problems);
        NoteTexts(settings.Purpose, $"{path}.purpose", languages, problems);
        NoteTexts(settings.PrivacyNote, $"{path}.privacyNote", languages, problems);
        if (settings.Templates is { } templates)
        {
            Email(templates.Invitation, $"{path}.templates.invitation", languages, problems);
            Email(templates.Reminder, $"{path}.templates.reminder", languages, problems);
            if (templates.ThankYou is { } thankYou)
            {
                var at = $"{path}.templates.thankYou";
                if (thankYou.Title is { } title)
                {
                    LineTexts(title, $"{at}.title", MaxSubjectLength, languages, problems);
                    foreach (var (textPath, text) in title.Texts($"{at}.title")) MessageTemplate.Check(text, textPath, MessageTemplate.ThankYouPlaceholders, problems);
                }

                BodyTexts(thankYou.Body, $"{at}.body", MessageTemplate.ThankYouPlaceholders, requireLink: false, languages, problems);
            }
        }

        return settings with { SenderName = senderName, ReplyTo = replyTo, ContactEmail = contact, Researchers = researchers };
    }

    private static void Email(EmailTemplate? template, string path, IReadOnlyList<string> languages, List<string> problems)
    {
        if (template is null) return;
        LineTexts(template.Subject, $"{path}.subject", MaxSubjectLength, languages, problems);
        foreach (var (textPath, text) in template.Subject.Texts($"{path}.subject")) MessageTemplate.Check(text, textPath, MessageTemplate.SubjectPlaceholders, problems);
        BodyTexts(template.Body, $"{path}.body", MessageTemplate.EmailPlaceholders, requireLink: true, languages, problems);
    }

    private static void BodyTexts(LocalizedText body, string path, IReadOnlyList<string> placeholders, bool requireLink, IReadOnlyList<string> languages, List<string> problems)
    {
        body.ReportMissing(path, languages, problems);
        foreach (var (textPath, text) in body.Texts(path))
        {
            if (text.Trim().Length == 0) problems.Add($"{textPath}: is empty");
            else if (text.Length > MaxBodyLength) problems.Add($"{textPath}: is longer than {MaxBodyLength} characters");
            else if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))) problems.Add($"{textPath}: contains control characters");
            var used = MessageTemplate.Check(text, textPath, placeholders, problems);
            if (requireLink && !used.Contains(MessageTemplate.Link)) problems.Add($"{textPath}: has no {{link}}; without the personal link the participant cannot answer");
        }
    }

    private static void LineTexts(LocalizedText? value, string path, int maxLength, IReadOnlyList<string> languages, List<string> problems)
    {
        if (value is null) return;
        value.ReportMissing(path, languages, problems);
        foreach (var (textPath, text) in value.Texts(path)) Line(text, textPath, maxLength, problems);
    }

    private static void NoteTexts(LocalizedText? value, string path, IReadOnlyList<string> languages, List<string> problems)
    {
        if (value is null) return;
        value.ReportMissing(path, languages, problems);
        foreach (var (textPath, text) in value.Texts(path))
        {
            if (text.Trim().Length == 0) problems.Add($"{textPath}: is empty");
            else if (text.Length > MaxNoteLength) problems.Add($"{textPath}: is longer than {MaxNoteLength} characters");
            else if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))) problems.Add($"{textPath}: contains control characters");
        }
    }

    /// <summary>One line of text: a subject, a heading, a name. A line break in a subject would be a header injection.</summary>
    private static void Line(string text, string path, int maxLength, List<string> problems)
    {
        if (text.Trim().Length == 0) problems.Add($"{path}: is empty");
        else if (text.Length > maxLength) problems.Add($"{path}: is longer than {maxLength} characters");
        else if (text.Any(char.IsControl)) problems.Add($"{path}: must be one line without control characters");
    }

    private static string? Address(string? text, string path, List<string> problems)
    {
        var address = Blank(text);
        if (address is not null && !PanelDefinitionValidator.IsEmailAddress(address)) problems.Add($"{path}: is not an email address");
        return address;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
