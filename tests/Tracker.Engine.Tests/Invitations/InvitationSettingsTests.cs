using System.Text.Json;
using Tracker.Engine.Invitations;
using Tracker.Engine.Panels;

namespace Tracker.Engine.Tests.Invitations;

/// <summary>The definition's <c>invitations</c> object: every problem by JSON path, every participant-facing text in every panel language.</summary>
public sealed class InvitationSettingsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    internal const string Valid = """
        {"senderName":"Co-creation study, University of Example","replyTo":"team@example.org",
         "institution":{"en":"University of Example","de":"Universität Beispiel"},"researchers":"Dr Jane Roe, Dr Max Muster",
         "contactEmail":"study@example.org","purpose":{"en":"We study how co-creation changes over time.","de":"Wir untersuchen Co-Creation über die Zeit."},
         "privacyNote":{"en":"Answers are stored under a pseudonym.","de":"Antworten werden pseudonym gespeichert."},
         "templates":{
           "invitation":{"subject":{"en":"{study}: wave {wave}","de":"{study}: Welle {wave}"},"body":{"en":"Dear {firstName},\n\nplease answer: {link}\n\nUntil {deadline}.","de":"Liebe/r {firstName},\n\nbitte antworten: {link}"}},
           "reminder":{"subject":{"en":"Reminder: {study}","de":"Erinnerung: {study}"},"body":{"en":"Still open, {firstName}: {link}","de":"Noch offen: {link}"}},
           "thankYou":{"title":{"en":"Thanks!","de":"Danke!"},"body":{"en":"Thank you for wave {wave} of {waveCount}.","de":"Danke für Welle {wave}."}}}}
        """;

    internal static Tracker.Engine.Common.Validation<Panel> Validate(string invitations, string languages = """["en","de"]""")
    {
        using var document = JsonDocument.Parse($$$"""
            {"name":"Pilot","instrument":"default","languages":{{{languages}}},"invitations":{{{invitations}}},
             "schedule":{"start":"2026-12-01T09:00:00Z","waves":3,"interval":"P7D","window":"P5D"}}
            """);
        var read = new List<string>();
        var definition = PanelDefinitionReader.Read(document.RootElement, read);
        return PanelDefinitionValidator.Validate(definition, "pabc", Now, read);
    }

    [Fact]
    public void A_complete_definition_becomes_the_panels_settings()
    {
        var result = Validate(Valid);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var settings = result.Value!.Invitations;
        Assert.Equal("Co-creation study, University of Example", settings.SenderName);
        Assert.Equal("team@example.org", settings.ReplyTo);
        Assert.Equal("Universität Beispiel", settings.Institution!.For("de"));
        Assert.Equal("Danke!", settings.Templates!.ThankYou!.Title!.For("de"));
    }

    [Fact]
    public void Without_invitations_a_panel_keeps_the_built_in_wording()
    {
        var result = Validate("null");
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Same(InvitationSettings.None, result.Value!.Invitations);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_by_path()
    {
        var problems = Validate("""
            {"senderName":"noreply@bank.example","replyTo":"not an address","contactEmail":"x@","institution":{"en":"Uni"},
             "purpose":"One text for two languages","sendername":"x",
             "templates":{"invitation":{"subject":{"en":"Hi\nthere","de":"Hallo"},"body":{"en":"Dear {name}, no link here","de":"{link} {"}},
                          "reminder":{"subject":{"en":"R","de":"R"}},
                          "thankYou":{"body":{"en":"Your link {link}","de":"ok"}}}}
            """).Problems;

        Assert.Contains(problems, p => p.StartsWith("invitations.sendername: property names are case-sensitive", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("invitations.senderName: is a name, not an address", StringComparison.Ordinal));
        Assert.Contains("invitations.replyTo: is not an email address", problems);
        Assert.Contains("invitations.contactEmail: is not an email address", problems);
        Assert.Contains(problems, p => p.StartsWith("invitations.institution.de: is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("invitations.purpose: is one text, but the panel speaks en, de", StringComparison.Ordinal));
        Assert.Contains("invitations.templates.invitation.subject.en: must be one line without control characters", problems);
        Assert.Contains(problems, p => p.StartsWith("invitations.templates.invitation.body.en: {name} is not a placeholder here", StringComparison.Ordinal));
        Assert.Contains("invitations.templates.invitation.body.en: has no {link}; without the personal link the participant cannot answer", problems);
        Assert.Contains(problems, p => p.StartsWith("invitations.templates.invitation.body.de: an opening brace { that is not closed", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("invitations.templates.reminder.body: is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("invitations.templates.thankYou.body.en: {link} is not a placeholder here", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plain_string_serves_a_one_language_panel()
    {
        var result = Validate("""{"institution":"University of Example","templates":{"invitation":{"subject":"Wave {wave}","body":"Hi {firstName}: {link}"}}}""", """["en"]""");
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
    }
}
