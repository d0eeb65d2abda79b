using System.Net;
using MimeKit;
using Tracker.Engine.Invitations;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Tests.Summaries;

namespace Tracker.Engine.Tests.Invitations;

/// <summary>An invitation says who runs the study, why, whom to ask and how data is kept, under the study's name, in the researcher's words.</summary>
public sealed class InvitationComposerTests
{
    private static readonly MailboxAddress Sender = new("Tracker study team", "tracker@example.org");
    private static readonly Uri Link = new("https://tracker.example/api/s/abc?x=1&y=2");
    private static readonly Uri OptOut = new("https://tracker.example/api/o/abc");

    private static Panel PanelWith(string invitations, string languages = """["en","de"]""")
    {
        var result = InvitationSettingsTests.Validate(invitations, languages);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Value!;
    }

    private static MimeMessage Compose(Panel panel, string kind = MessageKind.Invite, string? firstName = null, string? language = null)
    {
        var participant = new Participant(panel.Id, "p1", "Europe/Berlin", Active: true, panel.CreatedAt);
        return InvitationComposer.Compose(EmailBodies.Razor, panel, participant, 1, kind, Sender, "anna@example.org", Link, OptOut, panel.Schedule.ClosesAt(1), firstName, language);
    }

    [Fact]
    public void The_study_name_is_the_display_name_and_replies_go_to_the_team_while_the_address_stays_the_sender()
    {
        var message = Compose(PanelWith(InvitationSettingsTests.Valid));
        var from = Assert.Single(message.From.Mailboxes);

        Assert.Equal("Co-creation study, University of Example", from.Name);
        Assert.Equal("tracker@example.org", from.Address);
        Assert.Equal("team@example.org", Assert.Single(message.ReplyTo.Mailboxes).Address);
    }

    [Fact]
    public void Both_parts_carry_who_why_contact_privacy_and_the_opt_out_link()
    {
        var message = Compose(PanelWith(InvitationSettingsTests.Valid), firstName: "Anna");
        var html = WebUtility.HtmlDecode(message.HtmlBody!);
        foreach (var text in new[] { message.TextBody!, html })
        {
            Assert.Contains("This study is run by Dr Jane Roe, Dr Max Muster, University of Example.", text, StringComparison.Ordinal);
            Assert.Contains("Why we ask: We study how co-creation changes over time.", text, StringComparison.Ordinal);
            Assert.Contains("study@example.org", text, StringComparison.Ordinal);
            Assert.Contains("Your data: Answers are stored under a pseudonym.", text, StringComparison.Ordinal);
            Assert.Contains(OptOut.ToString(), text, StringComparison.Ordinal);
            Assert.Contains("Dear Anna,", text, StringComparison.Ordinal);
            Assert.Contains(Link.ToString(), text, StringComparison.Ordinal);
        }

        Assert.Equal("Pilot: wave 1", message.Subject);
        Assert.Contains("href=\"mailto:study@example.org\"", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_participant_without_a_first_name_is_greeted_with_the_neutral_word_of_their_language()
    {
        var panel = PanelWith(InvitationSettingsTests.Valid);

        Assert.Contains("Dear participant,", Compose(panel).TextBody, StringComparison.Ordinal);
        Assert.Contains("Liebe/r Teilnehmende,", Compose(panel, language: "de").TextBody, StringComparison.Ordinal);
        Assert.Equal("Pilot: Welle 1", Compose(panel, language: "de").Subject);
    }

    [Fact]
    public void A_German_participant_gets_the_German_template_and_the_words_around_it_in_German()
    {
        var message = Compose(PanelWith(InvitationSettingsTests.Valid), firstName: "Jörg", language: "de");
        var html = WebUtility.HtmlDecode(message.HtmlBody!);

        Assert.Equal("Pilot: Welle 1", message.Subject);
        foreach (var text in new[] { message.TextBody!, html })
        {
            Assert.Contains("Liebe/r Jörg,", text, StringComparison.Ordinal);
            Assert.Contains("Über diese Studie", text, StringComparison.Ordinal);
            Assert.Contains("Diese Studie wird durchgeführt von Dr Jane Roe, Dr Max Muster, Universität Beispiel.", text, StringComparison.Ordinal);
            Assert.Contains("Warum wir fragen: Wir untersuchen Co-Creation über die Zeit.", text, StringComparison.Ordinal);
            Assert.Contains("Fragen zur Studie? Schreiben Sie an", text, StringComparison.Ordinal);
            Assert.Contains("Ihre Daten: Antworten werden pseudonym gespeichert.", text, StringComparison.Ordinal);
            Assert.Contains("Diese Welle überspringen", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Why we ask", text, StringComparison.Ordinal);
        }

        Assert.Contains("<html lang=\"de\" dir=\"ltr\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(">Welle 1 beantworten</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_templates_a_German_participant_is_greeted_by_name_in_German()
    {
        var panel = PanelWith("""{"institution":{"en":"University of Example","de":"Universität Beispiel"}}""");

        var named = Compose(panel, firstName: "Jörg", language: "de");
        Assert.StartsWith("Guten Tag Jörg,\n", named.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Diese Studie wird durchgeführt von Universität Beispiel.", named.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("Guten Tag,\n", Compose(panel, language: "de").TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_reminder_uses_the_reminder_template_and_a_reissue_keeps_trackers_own_words()
    {
        var panel = PanelWith(InvitationSettingsTests.Valid);

        var reminder = Compose(panel, "reminder-1", firstName: "Anna");
        Assert.Equal("Reminder: Pilot", reminder.Subject);
        Assert.Contains("Still open, Anna: " + Link, reminder.TextBody, StringComparison.Ordinal);

        var reissue = Compose(panel, MessageKind.Reissue("k2"));
        Assert.StartsWith("New link — Pilot", reissue.Subject, StringComparison.Ordinal);
        Assert.Contains("This study is run by", reissue.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_templates_the_built_in_wording_stays_and_gains_the_trust_block_and_the_first_name()
    {
        var panel = PanelWith("""{"institution":"Uni <b>&</b> Co","contactEmail":"study@example.org"}""", """["en"]""");
        var message = Compose(panel, firstName: "<Anna>");

        Assert.Contains("Hello <Anna>,", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Your personal link (please do not share it):", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("This study is run by Uni <b>&</b> Co.", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<Anna>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Hello &lt;Anna&gt;,", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Tracker study team", message.From.Mailboxes.Single().Name);
        Assert.Empty(message.ReplyTo);
    }

    [Fact]
    public void A_panel_without_invitation_settings_sends_todays_email()
    {
        var panel = PanelWith("null", """["en"]""");
        var message = Compose(panel);

        Assert.StartsWith("Hello,\n", message.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("About this study", message.TextBody, StringComparison.Ordinal);
    }
}
