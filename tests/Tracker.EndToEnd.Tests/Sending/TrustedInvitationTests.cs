using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tracker.EndToEnd.Tests.Engine;

namespace Tracker.EndToEnd.Tests.Sending;

/// <summary>
/// Invitations a participant can trust, through the whole stack (HTTP, Azurite, the queue-triggered sender, smtp4dev):
/// the study's name as sender, replies to the team, who runs it and why, the privacy note, the researcher's templates
/// with the participant's first name; the thank-you page; the linking export; and a Latin-1 file refused.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class TrustedInvitationTests(StackFixture stack)
{
    private readonly EngineDriver engine = new(stack);

    private const string Invitations = """
        {"senderName":"Co-creation study, University of Example","replyTo":"team@example.org",
         "institution":"University of Example & Partners","researchers":"Dr Jane Roe","contactEmail":"study@example.org",
         "purpose":"We study how co-creation changes over time.","privacyNote":"Answers are stored under a pseudonym; write to us to have them erased.",
         "templates":{
           "invitation":{"subject":"{study}: your wave {wave} survey","body":"Dear {firstName},\n\nplease answer wave {wave} of {waveCount}: {link}\n\nYou can answer until {deadline}."},
           "reminder":{"subject":"Still open: {study} wave {wave}","body":"Dear {firstName}, wave {wave} is still open: {link}"},
           "thankYou":{"title":"Thank you, that helps us a lot","body":"Your answers to wave {wave} of {waveCount} are saved."}}}
        """;

    private async Task<string> CreatePanelAsync()
    {
        var definition = $$$"""
            {"name":"Trusted study","instrument":"default","timeZone":"UTC","invitations":{{{Invitations}}},
             "schedule":{"start":"{{{stack.Clock.GetUtcNow():O}}}","waves":2,"interval":"P7D","window":"P5D","reminders":["P1D"]}}
            """;
        var response = await stack.Admin.PostAsync("api/panels", new StringContent(definition, Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<StackFixture.CreatedPanel>())!.Id;
    }

    private async Task<StackFixture.ImportResult> ImportBytesAsync(string panelId, byte[] bytes, HttpStatusCode expected)
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("text/csv");
        var response = await stack.Admin.PostAsync($"api/panels/{panelId}/participants", content);
        Assert.True(response.StatusCode == expected, await response.Content.ReadAsStringAsync());
        return expected == HttpStatusCode.OK ? (await response.Content.ReadFromJsonAsync<StackFixture.ImportResult>())! : null!;
    }

    [Fact]
    public async Task The_invitation_and_reminder_say_who_sends_who_runs_the_study_why_and_greet_by_first_name()
    {
        var panelId = await CreatePanelAsync();
        var (zoe, anonymous) = (StackFixture.Emails(1)[0], StackFixture.Emails(1)[0]);
        // Excel's "CSV UTF-8" starts with a byte-order mark: accepted.
        var csv = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes($"email,first_name,external_id\n{zoe},Zoë,crm-17\n{anonymous},,crm-18\n")).ToArray();
        Assert.Equal(2, (await ImportBytesAsync(panelId, csv, HttpStatusCode.OK)).Added);

        await engine.RunTimerAsync(panelId);
        var invitation = Assert.Single(await engine.MailToAsync(zoe));
        Assert.Equal("Trusted study: your wave 1 survey", invitation.Subject);
        using var raw = new MemoryStream(Encoding.UTF8.GetBytes(await stack.Inbox.GetRawAsync(invitation.Id)));
        var mime = await MimeKit.MimeMessage.LoadAsync(raw);
        var from = Assert.Single(mime.From.Mailboxes);
        Assert.Equal("Co-creation study, University of Example", from.Name);
        // The address stays the configured sender (SPF/DKIM); replies go to the team.
        Assert.Equal(engine.Service<Tracker.Engine.Email.SmtpMailer>().Sender.Address, from.Address);
        Assert.Equal("team@example.org", Assert.Single(mime.ReplyTo.Mailboxes).Address);

        var text = await stack.Inbox.GetPlainTextAsync(invitation.Id);
        // The HTML part's words: tags dropped, white space as a mail app shows it.
        var html = System.Text.RegularExpressions.Regex.Replace(WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(await stack.Inbox.GetHtmlAsync(invitation.Id), "<[^>]+>", "")), @"\s+", " ");
        foreach (var part in new[] { text, html })
        {
            Assert.Contains("Dear Zoë,", part, StringComparison.Ordinal);
            Assert.Contains("please answer wave 1 of 2: http://127.0.0.1:", part, StringComparison.Ordinal);
            Assert.Contains("This study is run by Dr Jane Roe, University of Example & Partners.", part, StringComparison.Ordinal);
            Assert.Contains("Why we ask: We study how co-creation changes over time.", part, StringComparison.Ordinal);
            Assert.Contains("Questions about the study? Write to study@example.org", part, StringComparison.Ordinal);
            Assert.Contains("Your data: Answers are stored under a pseudonym", part, StringComparison.Ordinal);
            Assert.Contains("Skip this wave, stop reminders or leave the panel", part, StringComparison.Ordinal);
        }

        Assert.Contains("/api/o/", text, StringComparison.Ordinal);

        Assert.Contains("Dear participant,", await stack.Inbox.GetPlainTextAsync(Assert.Single(await engine.MailToAsync(anonymous)).Id), StringComparison.Ordinal);

        stack.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await engine.RunTimerAsync(panelId);
        var reminder = (await engine.MailToAsync(zoe)).Last();
        Assert.Equal("Still open: Trusted study wave 1", reminder.Subject);
        var reminderText = await stack.Inbox.GetPlainTextAsync(reminder.Id);
        Assert.Contains("Dear Zoë, wave 1 is still open: http://127.0.0.1:", reminderText, StringComparison.Ordinal);
        Assert.Contains("This study is run by Dr Jane Roe", reminderText, StringComparison.Ordinal);

        // The thank-you page in the researcher's words.
        var link = System.Text.RegularExpressions.Regex.Match(reminderText, @"http://127\.0\.0\.1:\d+/api/r/[A-Za-z0-9_\-\.]+").Value;
        Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.GetAsync(link)).StatusCode);
        var saved = await stack.Anonymous.PostAsync(link, EngineDriver.Answers(4));
        var page = WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("<h1>Thank you, that helps us a lot</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Your answers to wave 1 of 2 are saved.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_linking_export_joins_ids_to_the_teams_records_and_keeps_only_the_id_of_the_erased()
    {
        var panelId = await CreatePanelAsync();
        var (kept, erased) = (StackFixture.Emails(1)[0], StackFixture.Emails(1)[0]);
        await ImportBytesAsync(panelId, Encoding.UTF8.GetBytes($"email,external_id,first_name\n{kept},crm-1,=Anna\n{erased},crm-2,Bo\n"), HttpStatusCode.OK);
        var ids = (await engine.Service<Tracker.Engine.Participants.ParticipantRepository>().GetContactsAsync(panelId, CancellationToken.None)).Values.ToDictionary(c => c.Email, c => c.RowKey, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await stack.Admin.DeleteAsync($"api/panels/{panelId}/participants/{ids[erased]}")).StatusCode);

        var response = await stack.Admin.GetAsync($"api/panels/{panelId}/export/linking");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

        Assert.Equal("participant_id,external_id,email,first_name,language,status,consent", lines[0]);
        Assert.Contains($"{ids[kept]},crm-1,{kept},'=Anna,en,active,", lines);
        Assert.Contains($"{ids[erased]},,,,,erased,", lines);
        Assert.Equal(3, lines.Length);

        // Without the admin key there is no linking file.
        Assert.Equal(HttpStatusCode.Unauthorized, (await stack.Anonymous.GetAsync($"api/panels/{panelId}/export/linking")).StatusCode);
    }

    [Fact]
    public async Task A_latin1_participant_file_is_refused_with_the_line_and_nothing_is_enrolled()
    {
        var panelId = await CreatePanelAsync();
        var emails = StackFixture.Emails(2);
        var latin1 = Encoding.Latin1.GetBytes($"email,first_name\n{emails[0]},Anna\n{emails[1]},Müller\n");
        using var content = new ByteArrayContent(latin1);
        content.Headers.ContentType = new("text/csv");

        var response = await stack.Admin.PostAsync($"api/panels/{panelId}/participants", content);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The file is not UTF-8; save it as CSV UTF-8", body, StringComparison.Ordinal);
        Assert.Contains("line 3", body, StringComparison.Ordinal);
        Assert.Empty(await engine.Service<Tracker.Engine.Participants.ParticipantRepository>().GetContactsAsync(panelId, CancellationToken.None));
    }
}
