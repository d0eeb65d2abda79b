using System.Text.Json;
using Tracker.Engine.Panels;

namespace Tracker.Engine.Invitations;

/// <summary>Reads the definition's <c>invitations</c> object, noting every shape problem by JSON path (languages, lengths and placeholders are <see cref="InvitationSettingsValidator"/>'s).</summary>
public static class InvitationSettingsReader
{
    public const string Path = "invitations";
    private static readonly string[] Properties = ["senderName", "replyTo", "institution", "researchers", "contactEmail", "purpose", "privacyNote", "templates"];
    private static readonly string[] TemplateNames = ["invitation", "reminder", "thankYou"];
    private static readonly string[] EmailProperties = ["subject", "body"];
    private static readonly string[] ThankYouProperties = ["title", "body"];

    public static InvitationSettings? Read(JsonElement element, DefinitionFields reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var fields = reader.Properties(element, Path, Properties, "the invitation settings");
        if (fields is null) return null;
        return new InvitationSettings
        {
            SenderName = reader.Text(fields, Path, "senderName"),
            ReplyTo = reader.Text(fields, Path, "replyTo"),
            Institution = reader.Localized(fields, Path, "institution"),
            Researchers = reader.Text(fields, Path, "researchers"),
            ContactEmail = reader.Text(fields, Path, "contactEmail"),
            Purpose = reader.Localized(fields, Path, "purpose"),
            PrivacyNote = reader.Localized(fields, Path, "privacyNote"),
            Templates = fields.TryGetValue("templates", out var templates) && templates.ValueKind != JsonValueKind.Null ? ReadTemplates(templates, reader) : null,
        };
    }

    private static InvitationTemplates? ReadTemplates(JsonElement element, DefinitionFields reader)
    {
        var path = $"{Path}.templates";
        var fields = reader.Properties(element, path, TemplateNames, "the templates");
        if (fields is null) return null;
        return new InvitationTemplates
        {
            Invitation = ReadEmail(fields, path, "invitation", reader),
            Reminder = ReadEmail(fields, path, "reminder", reader),
            ThankYou = ReadThankYou(fields, path, reader),
        };
    }

    private static EmailTemplate? ReadEmail(Dictionary<string, JsonElement> templates, string parent, string name, DefinitionFields reader)
    {
        if (!templates.TryGetValue(name, out var element) || element.ValueKind == JsonValueKind.Null) return null;
        var path = $"{parent}.{name}";
        var fields = reader.Properties(element, path, EmailProperties, $"the {name} template");
        if (fields is null) return null;
        var subject = reader.Localized(fields, path, "subject");
        var body = reader.Localized(fields, path, "body");
        if (subject is null && !fields.ContainsKey("subject")) reader.Problems.Add($"{path}.subject: is required");
        if (body is null && !fields.ContainsKey("body")) reader.Problems.Add($"{path}.body: is required (it must contain {{link}})");
        return subject is null || body is null ? null : new EmailTemplate(subject, body);
    }

    private static ThankYouTemplate? ReadThankYou(Dictionary<string, JsonElement> templates, string parent, DefinitionFields reader)
    {
        if (!templates.TryGetValue("thankYou", out var element) || element.ValueKind == JsonValueKind.Null) return null;
        var path = $"{parent}.thankYou";
        var fields = reader.Properties(element, path, ThankYouProperties, "the thank-you template");
        if (fields is null) return null;
        var title = reader.Localized(fields, path, "title");
        var body = reader.Localized(fields, path, "body");
        if (body is null && !fields.ContainsKey("body")) reader.Problems.Add($"{path}.body: is required");
        return body is null ? null : new ThankYouTemplate(title, body);
    }
}
