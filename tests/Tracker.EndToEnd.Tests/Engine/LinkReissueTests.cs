using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Tracker.LocalHost.Stack;
using Tracker.Engine.Invitations;
using Tracker.Engine.Storage;

namespace Tracker.EndToEnd.Tests.Engine;

/// <summary>
/// After a leaked key: the key is replaced and removed, so every earlier link fails, and <c>…/reissue-links</c> sends
/// each participant still in the open wave one fresh invitation signed with the new key — against Azurite and smtp4dev.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class LinkReissueTests(StackFixture stack)
{
    private const string NewKeyId = "k2";
    private const string NewLinkSubject = "New link — ";
    private readonly EngineDriver engine = new(stack);

    [Fact]
    public async Task After_a_key_change_each_participant_still_in_the_wave_gets_one_working_link_once_per_key()
    {
        var panelId = await engine.CreatePanelAsync(new() { ["waves"] = 2, ["interval"] = "P7D", ["window"] = "P5D" });
        var emails = StackFixture.Emails(4);
        var (answered, silent1, silent2, skipper) = (emails[0], emails[1], emails[2], emails[3]);
        await engine.EnrolAsync(panelId, emails);
        await engine.RunTimerAsync(panelId);
        await engine.AnswerAsync((await engine.LinksAsync(answered, 1)).Survey, value: 6);
        var skip = await stack.Anonymous.PostAsync((await engine.LinksAsync(skipper, 1)).OptOut, new FormUrlEncodedContent([new("choice", "skip")]));
        Assert.Equal(HttpStatusCode.OK, skip.StatusCode);
        var oldLinks = await engine.LinksAsync(silent1, 1);

        var configuration = (IConfigurationRoot)engine.Service<IConfiguration>();
        var (activeBefore, keyBefore) = (configuration["Links:ActiveKeyId"]!, configuration["Links:Keys:local"]!);
        try
        {
            // The leaked key replaced and removed: a new active key, and the old id no longer holds the secret it signed with.
            configuration["Links:Keys:" + NewKeyId] = NewKey();
            configuration["Links:ActiveKeyId"] = NewKeyId;
            configuration["Links:Keys:" + activeBefore] = NewKey();
            configuration.Reload();
            Assert.Equal(HttpStatusCode.NotFound, (await stack.Anonymous.GetAsync(oldLinks.Survey)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stack.Anonymous.GetAsync(oldLinks.OptOut)).StatusCode);

            // By default those who have not answered, and not the one who skipped the wave.
            Assert.Equal((NewKeyId, 2, 0), await ReissueAsync(panelId));
            await engine.SettledAsync(panelId);
            Assert.Equal((NewKeyId, 0, 2), await ReissueAsync(panelId));
            await engine.SettledAsync(panelId);

            foreach (var email in new[] { silent1, silent2 })
            {
                Assert.Single(await NewLinkMailAsync(email));
                var (survey, optOut, message) = await engine.LinksAsync(email, 1);
                Assert.StartsWith(NewLinkSubject, message.Subject, StringComparison.Ordinal);
                Assert.NotEqual(oldLinks.Survey, survey);
                Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.GetAsync(optOut)).StatusCode);
                await engine.AnswerAsync(survey, value: 3);
            }

            Assert.Empty(await NewLinkMailAsync(answered));
            Assert.Empty(await NewLinkMailAsync(skipper));

            // Also those who answered, to edit until close: only the one without a reissue for this key yet; their saved answers open.
            Assert.Equal((NewKeyId, 1, 2), await ReissueAsync(panelId, "?includeResponded=true"));
            await engine.SettledAsync(panelId);
            Assert.Single(await NewLinkMailAsync(answered));
            var form = await stack.Anonymous.GetAsync((await engine.LinksAsync(answered, 1)).Survey);
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            Assert.Contains("value=\"6\" checked", (await form.Content.ReadAsStringAsync()).Replace("checked=\"checked\"", "checked", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Empty(await NewLinkMailAsync(skipper));

            // Status against smtp4dev and the ledger: a reissue is neither an invitation nor a reminder.
            var wave = (await engine.StatusAsync(panelId)).GetProperty("waves")[0];
            var reissuedInInbox = 0;
            foreach (var email in emails) reissuedInInbox += (await NewLinkMailAsync(email)).Count;
            var ledger = await engine.LedgerAsync(panelId, 1);
            Assert.Equal(reissuedInInbox, wave.GetProperty("reissued").GetInt32());
            Assert.Equal(ledger.Values.Count(r => r.Kind == MessageKind.Invite && r.State == LedgerEntity.Sent), wave.GetProperty("invited").GetInt32());
            Assert.Equal(emails.Length, wave.GetProperty("invited").GetInt32());
            Assert.Equal(0, wave.GetProperty("reminded").GetInt32());
            Assert.Equal(ledger.Values.Count(r => r.State == LedgerEntity.Sent && r.Kind != InvitationLedger.OpenedKind), wave.GetProperty("sent").GetInt32());
            Assert.Equal(3, wave.GetProperty("responded").GetInt32());

            // The plan lists the reissues apart from the schedule's invitations.
            var plan = await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/plan");
            var counts = plan.GetProperty("waves")[0].GetProperty("counts");
            Assert.Equal(reissuedInInbox, counts.GetProperty(MessageKind.Reissue(NewKeyId)).GetProperty(LedgerEntity.Sent).GetInt32());
            Assert.Equal(emails.Length, counts.GetProperty(MessageKind.Invite).GetProperty(LedgerEntity.Sent).GetInt32());
        }
        finally
        {
            configuration["Links:ActiveKeyId"] = activeBefore;
            configuration["Links:Keys:" + activeBefore] = keyBefore;
            configuration.Reload();
        }
    }

    [Fact]
    public async Task Four_requests_at_once_send_each_participant_one_new_link()
    {
        var panelId = await engine.CreatePanelAsync(new() { ["waves"] = 1, ["interval"] = "P7D", ["window"] = "P5D" });
        var emails = StackFixture.Emails(3);
        await engine.EnrolAsync(panelId, emails);
        await engine.RunTimerAsync(panelId);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ReissueAsync(panelId)));
        await engine.SettledAsync(panelId);

        Assert.Equal(emails.Length, answers.Sum(a => a.Queued));
        Assert.All(answers, a => Assert.Equal(emails.Length, a.Queued + a.AlreadyReissued));
        foreach (var email in emails) Assert.Single(await NewLinkMailAsync(email));
    }

    [Fact]
    public async Task A_wave_not_open_is_409_an_unknown_panel_or_wave_404_and_a_bad_flag_400()
    {
        var panelId = await engine.CreatePanelAsync(new() { ["waves"] = 2, ["interval"] = "P7D", ["window"] = "P5D" });
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(panelId, 2)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(panelId, 3)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync("no-such-panel", 1)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(panelId, 1, "?includeResponded=yes")).StatusCode);

        stack.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
        var closed = await PostAsync(panelId, 1);
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("Wave 1 closed", await closed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PostAsync(string panelId, int wave, string query = "") =>
        stack.Admin.PostAsync($"api/panels/{panelId}/waves/{wave}/reissue-links{query}", null);

    private async Task<(string KeyId, int Queued, int AlreadyReissued)> ReissueAsync(string panelId, string query = "")
    {
        var response = await PostAsync(panelId, 1, query);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("wave").GetInt32());
        return (body.GetProperty("keyId").GetString()!, body.GetProperty("queued").GetInt32(), body.GetProperty("alreadyReissued").GetInt32());
    }

    private async Task<List<Smtp4devMessageSummary>> NewLinkMailAsync(string email) =>
        (await engine.MailToAsync(email)).Where(m => m.Subject.StartsWith(NewLinkSubject, StringComparison.Ordinal)).ToList();

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
