using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tracker.Engine.Consent;
using Tracker.Engine.Instruments;
using Tracker.Web.Pages;

namespace Tracker.EndToEnd.Tests.Consent;

/// <summary>
/// Consent on the real stack: the link shows the consent page first, answers without consent are refused, agreeing leads
/// to the form, declining ends every email, a new version asks again at the next wave, and the record and consent.csv
/// say who decided what on which text.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ConsentTests(StackFixture stack)
{
    private const string FirstText = "We study how people make short videos together.\n\nTaking part is voluntary; you may stop at any time.";
    private const string SecondText = "We now also ask about the platforms you use.\n\nTaking part is still voluntary.";

    [Fact]
    public async Task Consent_is_asked_first_recorded_with_its_hash_and_a_decline_ends_every_email()
    {
        var created = await stack.Admin.PostAsJsonAsync("api/panels", new
        {
            name = "Consent study",
            instrument = "default",
            consent = new { version = "2027-01", text = FirstText, title = "About this study" },
            schedule = new { start = stack.Clock.GetUtcNow(), waves = 2, interval = "P7D", window = "P5D" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var panelId = (await created.Content.ReadFromJsonAsync<StackFixture.CreatedPanel>())!.Id;
        var emails = StackFixture.Emails(2);
        await stack.ImportAsync(panelId, "email\n" + string.Join('\n', emails));
        Assert.Equal(HttpStatusCode.Accepted, (await stack.Admin.PostAsync($"api/panels/{panelId}/waves/1/dispatch", null)).StatusCode);
        var links = await stack.LinksForAsync(emails, wave: 1);
        var (agreeing, declining) = (links[emails[0]], links[emails[1]]);
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = stack.Stack.Host.BaseUrl };

        // The link shows the consent page, not the form.
        var first = await stack.Anonymous.GetAsync(agreeing);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page = await first.Content.ReadAsStringAsync();
        Assert.Contains("About this study", page, StringComparison.Ordinal);
        Assert.Contains("<p>Taking part is voluntary; you may stop at any time.</p>", page, StringComparison.Ordinal);
        Assert.Contains(ConsentPage.AgreeText, page, StringComparison.Ordinal);
        Assert.Contains($"action=\"{new Uri(agreeing).AbsolutePath}/consent\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(SurveyFormPage.SubmitText, page, StringComparison.Ordinal);

        // Answers posted without consent are refused and never stored.
        var early = await stack.Anonymous.PostAsync(agreeing, Answers());
        Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
        Assert.Contains("Please give your consent first", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await ResponsesAsync(panelId, wave: 1));

        // Agree: 303 to the form, which now shows and takes answers.
        var agreed = await noRedirect.PostAsync(agreeing + "/consent", Decision(ConsentPageModel.AgreeValue, "2027-01"));
        Assert.Equal(HttpStatusCode.SeeOther, agreed.StatusCode);
        Assert.Equal(new Uri(agreeing).AbsolutePath, agreed.Headers.Location!.OriginalString);
        Assert.Contains(SurveyFormPage.SubmitText, await (await stack.Anonymous.GetAsync(agreeing)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.PostAsync(agreeing, Answers())).StatusCode);
        Assert.Equal(1, await ResponsesAsync(panelId, wave: 1));

        // Decline: recorded, participation ends, the link no longer opens the survey.
        var declined = await stack.Anonymous.PostAsync(declining + "/consent", Decision(ConsentPageModel.DeclineValue, "2027-01"));
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Contains("You have declined to take part", await declined.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Anonymous.GetAsync(declining)).StatusCode);

        // The record: one agreed and one declined, each with the hash of the exact text shown.
        var report = await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/consent");
        Assert.Equal("2027-01", report.GetProperty("currentVersion").GetString());
        var records = report.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal(PanelConsent.Hash(FirstText), r.GetProperty("textSha256").GetString()));
        Assert.Equal(["agreed", "declined"], records.Select(r => r.GetProperty("decision").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(records, r => Assert.Equal(1, r.GetProperty("wave").GetInt32()));
        Assert.All(records, r => Assert.Equal("en", r.GetProperty("language").GetString()));
        var text = Assert.Single(Assert.Single(report.GetProperty("versions").EnumerateArray()).GetProperty("texts").EnumerateArray());
        Assert.Equal(FirstText, text.GetProperty("text").GetString());

        // consent.csv: the header and one row per decision, no contact data.
        var csv = await stack.Admin.GetStringAsync($"api/panels/{panelId}/export/consent");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', ConsentCsv.Header), lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains($",2027-01,{PanelConsent.Hash(FirstText)},declined,", StringComparison.Ordinal) && l.EndsWith(",en,1", StringComparison.Ordinal));
        Assert.DoesNotContain("@", csv, StringComparison.Ordinal);

        // The linking file names each participant's standing decision beside the contact.
        var linking = (await stack.Admin.GetStringAsync($"api/panels/{panelId}/export/linking")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(linking, l => l.Contains(emails[0], StringComparison.OrdinalIgnoreCase) && l.EndsWith(",active,agreed:2027-01", StringComparison.Ordinal));
        Assert.Contains(linking, l => l.Contains(emails[1], StringComparison.OrdinalIgnoreCase) && l.EndsWith(",opted_out,declined:2027-01", StringComparison.Ordinal));

        // Erasing the participant who declined deletes the contact, not the consent record.
        var declinedId = records.Single(r => r.GetProperty("decision").GetString() == "declined").GetProperty("participantId").GetString();
        Assert.Equal(HttpStatusCode.OK, (await stack.Admin.DeleteAsync($"api/panels/{panelId}/participants/{declinedId}")).StatusCode);
        var kept = await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/consent");
        Assert.Contains(kept.GetProperty("records").EnumerateArray(), r => r.GetProperty("participantId").GetString() == declinedId);

        // A new version: the same version with other words is refused, a new one is taken.
        var clash = await stack.Admin.PutAsJsonAsync($"api/panels/{panelId}/consent", new { version = "2027-01", text = SecondText });
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Contains("a changed text needs a new version", await clash.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await stack.Admin.PutAsJsonAsync($"api/panels/{panelId}/consent", new { version = "2027-02", text = SecondText })).StatusCode);

        // Wave 2: only the participant who agreed is invited, and is asked again for the new version.
        stack.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Accepted, (await stack.Admin.PostAsync($"api/panels/{panelId}/waves/2/dispatch", null)).StatusCode);
        var wave2 = await stack.LinksForAsync([emails[0]], wave: 2);
        var sent = await stack.SentAsync(panelId, wave: 2);
        Assert.Equal(1, sent.GetProperty("waves")[1].GetProperty("invited").GetInt32());
        var inbox = await stack.Inbox.WaitForMessagesAsync(_ => true, TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(inbox, m => m.To.Any(a => a.Equals(emails[1], StringComparison.OrdinalIgnoreCase)) && m.Subject.Contains("wave 2 of", StringComparison.Ordinal));
        var again = await (await stack.Anonymous.GetAsync(wave2[emails[0]])).Content.ReadAsStringAsync();
        Assert.Contains("We now also ask about the platforms you use.", again, StringComparison.Ordinal);
        Assert.Contains("Before wave 2 starts", again, StringComparison.Ordinal);

        // A stale page's post (the old version) shows the new text instead of recording consent to words not shown.
        var stale = await noRedirect.PostAsync(wave2[emails[0]] + "/consent", Decision(ConsentPageModel.AgreeValue, "2027-01"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("We now also ask about the platforms you use.", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, (await noRedirect.PostAsync(wave2[emails[0]] + "/consent", Decision(ConsentPageModel.AgreeValue, "2027-02"))).StatusCode);

        var final = await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/consent");
        Assert.Equal(2, final.GetProperty("versions").GetArrayLength());
        var renewed = Assert.Single(final.GetProperty("records").EnumerateArray(), r => r.GetProperty("version").GetString() == "2027-02");
        Assert.Equal(PanelConsent.Hash(SecondText), renewed.GetProperty("textSha256").GetString());
        Assert.Equal(2, renewed.GetProperty("wave").GetInt32());
    }

    private async Task<int> ResponsesAsync(string panelId, int wave)
    {
        var status = await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/status");
        return status.GetProperty("waves")[wave - 1].GetProperty("responded").GetInt32();
    }

    private static FormUrlEncodedContent Decision(string decision, string version) =>
        new([new(ConsentPageModel.DecisionField, decision), new(ConsentPageModel.VersionField, version)]);

    private static FormUrlEncodedContent Answers() =>
        new(DefaultInstrument.Instance.Items.Select(item => new KeyValuePair<string, string>(item.Id, "4")));
}
