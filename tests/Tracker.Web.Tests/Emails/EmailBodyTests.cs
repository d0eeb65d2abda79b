using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using Tracker.Engine.Instruments;
using Tracker.Engine.Invitations;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Summaries;
using Tracker.Model.Tests;
using Tracker.Web.Emails;

namespace Tracker.Web.Tests.Emails;

/// <summary>
/// The emails' HTML parts come from Razor components: they are well-formed (every element closed in order, one
/// document) and text a panel's researcher or participant typed is encoded, never markup.
/// </summary>
public sealed partial class EmailBodyTests
{
    private const string Hostile = "<script>alert(1)</script> \"Tom & Jerry's\" <b>panel</b>";
    private static readonly RazorEmailBodyRenderer Bodies = new();

    [Theory]
    [InlineData(MessageKind.Invite)]
    [InlineData("reminder-1")]
    public void An_invitation_or_reminder_is_well_formed_and_encodes_the_panel_name(string kind)
    {
        var start = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        var panel = new Panel("pABCDEFGHJKL", Hostile, DefaultInstrument.Instance, new WaveSchedule(start, 3, TimeSpan.FromDays(7), TimeSpan.FromDays(5)), "Europe/Berlin", start.AddDays(-3));
        var participant = new Participant(panel.Id, "p1", "Europe/Berlin", Active: true, start.AddDays(-2));
        var link = new Uri("https://tracker.example/s/abc?t=x&y=<z>");
        var message = InvitationComposer.Compose(Bodies, panel, participant, 1, kind, new MailboxAddress("Tracker", "tracker@example.org"), "p@example.org", link, new Uri("https://tracker.example/o/abc"));
        var html = message.HtmlBody!;

        AssertWellFormed(html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains(Hostile, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        // The link goes out whole in the button and in the copyable text, and the text part says the same words.
        Assert.Equal(2, Regex.Count(WebUtility.HtmlDecode(html), Regex.Escape(link.ToString())));
        Assert.Contains(Hostile, message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invitation_from_a_template_with_the_trust_block_is_well_formed_and_encodes_every_value()
    {
        var start = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        var template = new EmailTemplate(Tracker.Engine.Common.LocalizedText.Of("{study} {wave}"), Tracker.Engine.Common.LocalizedText.Of("Dear {firstName},\n\nplease {link}\nor leave: {optOutLink}\n\n{institution}"));
        var settings = new InvitationSettings
        {
            SenderName = "Study", Institution = Tracker.Engine.Common.LocalizedText.Of(Hostile), Researchers = Hostile, ContactEmail = "study@example.org",
            Purpose = Tracker.Engine.Common.LocalizedText.Of(Hostile), PrivacyNote = Tracker.Engine.Common.LocalizedText.Of(Hostile),
            Templates = new InvitationTemplates { Invitation = template },
        };
        var panel = new Panel("pABCDEFGHJKL", Hostile, DefaultInstrument.Instance, new WaveSchedule(start, 3, TimeSpan.FromDays(7), TimeSpan.FromDays(5)), "Europe/Berlin", start.AddDays(-3)) { Invitations = settings };
        var participant = new Participant(panel.Id, "p1", "Europe/Berlin", Active: true, start.AddDays(-2));
        var link = new Uri("https://tracker.example/s/abc?t=x&y=<z>");
        var message = InvitationComposer.Compose(Bodies, panel, participant, 1, MessageKind.Invite, new MailboxAddress("Tracker", "tracker@example.org"), "p@example.org", link, new Uri("https://tracker.example/o/abc"), start.AddDays(5), firstName: Hostile);
        var html = message.HtmlBody!;

        AssertWellFormed(html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains($"Dear {Hostile},", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        // {link} is a link in the paragraph and in the button; the subject, greeting, {institution} and the four trust lines carry the hostile text.
        Assert.Equal(2, Regex.Count(WebUtility.HtmlDecode(html), Regex.Escape($"href=\"{link}\"")));
        Assert.Equal(7, Regex.Count(WebUtility.HtmlDecode(html), Regex.Escape(Hostile)));
    }

    [Fact]
    public void A_summary_is_well_formed_and_encodes_the_panel_and_construct_names()
    {
        var model = SimulatedPanel.Model([40, 36, 33]);
        model = model with { PanelName = Hostile, Constructs = [.. model.Constructs.Select(c => c with { Name = c.Name + " <i>&</i>" })] };
        var email = SummaryComposer.Compose(Bodies, model, "after wave 3 <of 3>", unsubscribeUrl: "https://tracker.example/u/abc?x=1&y=2");

        AssertWellFormed(email.Html);
        Assert.DoesNotContain("<script", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<i>", email.Html, StringComparison.Ordinal);
        var decoded = WebUtility.HtmlDecode(email.Html);
        Assert.Contains($"<title>{Hostile}: trend summary, after wave 3 <of 3></title>", decoded, StringComparison.Ordinal);
        Assert.Contains("href=\"https://tracker.example/u/abc?x=1&y=2\"", decoded, StringComparison.Ordinal);
        foreach (var finding in email.Findings) Assert.Contains(finding.Text, decoded, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(email.Html, "<img "));
    }

    /// <summary>Every tag closes the element opened last (void elements excepted), one root element, nothing left open.</summary>
    private static void AssertWellFormed(string html)
    {
        Assert.StartsWith("<!doctype html>", html.TrimStart(), StringComparison.Ordinal);
        var open = new Stack<string>();
        var roots = 0;
        foreach (Match tag in Tag().Matches(html))
        {
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            if (tag.Groups["close"].Success)
            {
                Assert.True(open.TryPop(out var expected), $"</{name}> closes nothing");
                Assert.Equal(expected, name);
            }
            else if (!Void.Contains(name))
            {
                if (open.Count == 0) roots++;
                open.Push(name);
            }
        }

        Assert.Empty(open);
        Assert.Equal(1, roots);

        // Outside tags, no raw '<' or '>' or stray '&': text is encoded.
        var text = Tag().Replace(html[(html.IndexOf('>') + 1)..], "");
        Assert.DoesNotMatch("[<>]", text);
        Assert.DoesNotMatch("&(?![a-zA-Z]+;|#[0-9]+;|#x[0-9a-fA-F]+;)", text);
    }

    private static readonly HashSet<string> Void = ["meta", "br", "hr", "img", "input", "link"];

    [GeneratedRegex("<(?<close>/)?(?<name>[a-zA-Z][a-zA-Z0-9]*)(?:\\s+[a-zA-Z-]+(?:=\"[^\"<>]*\")?)*\\s*/?>")]
    private static partial Regex Tag();
}
