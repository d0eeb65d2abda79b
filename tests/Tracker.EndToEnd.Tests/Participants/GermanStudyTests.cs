using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tracker.Engine.Consent;
using Tracker.EndToEnd.Tests.Engine;

namespace Tracker.EndToEnd.Tests.Participants;

/// <summary>
/// The participant's language across the invitation, consent and linking work, on Azurite and smtp4dev: a German
/// participant from the CSV gets the German template with their first name and the German words around it, sees the
/// consent page in German, and the consent record and the linking export say <c>de</c>.
/// </summary>
[Collection(StackCollection.Name)]
public sealed partial class GermanStudyTests(StackFixture stack)
{
    private readonly EngineDriver engine = new(stack);

    private const string Definition = """
        {"name":"Co-Creation","instrument":"default","timeZone":"Europe/Berlin","languages":["en","de"],
         "consent":{"version":"2027-01","text":{"en":"We study co-creation.\n\nTaking part is voluntary.","de":"Wir untersuchen Co-Creation.\n\nDie Teilnahme ist freiwillig."}},
         "invitations":{"institution":{"en":"University of Example","de":"Universität Beispiel"},"researchers":"Dr Jane Roe",
           "purpose":{"en":"We study co-creation over time.","de":"Wir untersuchen Co-Creation über die Zeit."},
           "templates":{
             "invitation":{"subject":{"en":"{study}: wave {wave}","de":"{study}: Welle {wave}"},
                           "body":{"en":"Dear {firstName},\n\nplease answer: {link}","de":"Liebe/r {firstName},\n\nbitte antworten Sie bis {deadline}: {link}"}},
             "thankYou":{"title":{"en":"Thanks!","de":"Danke!"},"body":{"en":"Wave {wave} is saved.","de":"Welle {wave} ist gespeichert."}}}},
         "schedule":{"start":"START","waves":2,"interval":"P7D","window":"P5D"}}
        """;

    [Fact]
    public async Task A_German_participant_gets_the_German_invitation_consents_in_German_and_the_exports_say_de()
    {
        var created = await stack.Admin.PostAsync("api/panels", new StringContent(Definition.Replace("START", stack.Clock.GetUtcNow().ToString("O"), StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var panelId = (await created.Content.ReadFromJsonAsync<StackFixture.CreatedPanel>())!.Id;
        var emails = StackFixture.Emails(2);
        var (german, english) = (emails[0], emails[1]);
        Assert.Equal(2, (await stack.ImportAsync(panelId, $"email,first_name,language\n{german},Jörg,de\n{english},Ann,\n")).Added);

        await engine.RunTimerAsync(panelId);

        // The German template, filled with the first name and a German deadline; the trust lines in German around it.
        var invitation = Assert.Single(await engine.MailToAsync(german));
        Assert.Equal("Co-Creation: Welle 1", invitation.Subject);
        var text = await stack.Inbox.GetPlainTextAsync(invitation.Id);
        Assert.StartsWith("Liebe/r Jörg,", text, StringComparison.Ordinal);
        Assert.Matches(@"bitte antworten Sie bis \w+, \d+\. \w+ \d{4}, \d\d:\d\d Uhr \(Europe/Berlin\)", text);
        Assert.Contains("Diese Studie wird durchgeführt von Dr Jane Roe, Universität Beispiel.", text, StringComparison.Ordinal);
        Assert.Contains("Warum wir fragen: Wir untersuchen Co-Creation über die Zeit.", text, StringComparison.Ordinal);
        Assert.Contains("Diese Welle überspringen, Erinnerungen abbestellen oder das Panel verlassen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Why we ask", text, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"de\" dir=\"ltr\">", await stack.Inbox.GetHtmlAsync(invitation.Id), StringComparison.Ordinal);
        Assert.Equal("Co-Creation: wave 1", Assert.Single(await engine.MailToAsync(english)).Subject);

        // The consent page in German: the German text, the German buttons, the selector, the language it posts back.
        var link = LinkPattern().Match(text).Value;
        var page = WebUtility.HtmlDecode(await stack.Anonymous.GetStringAsync(link));
        Assert.Contains("<html lang=\"de\" dir=\"ltr\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Information und Einwilligung</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<p>Die Teilnahme ist freiwillig.</p>", page, StringComparison.Ordinal);
        Assert.Contains(">Ich stimme zu und möchte teilnehmen</button>", page, StringComparison.Ordinal);
        Assert.Contains("Bevor Welle 1 beginnt", page, StringComparison.Ordinal);
        Assert.Contains("name=\"lang\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Taking part is voluntary", page, StringComparison.Ordinal);

        // The selector works on the consent page too: English on request, then back to German.
        Assert.Contains("<p>Taking part is voluntary.</p>", await stack.Anonymous.GetStringAsync(link + "?lang=en"), StringComparison.Ordinal);
        page = WebUtility.HtmlDecode(await stack.Anonymous.GetStringAsync(link + "?lang=de"));
        Assert.Contains("<p>Die Teilnahme ist freiwillig.</p>", page, StringComparison.Ordinal);

        // Agree as the page's form does (every field it posts), then answer: the thank-you page in German.
        var fields = HiddenField().Matches(page).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal("de", fields[ConsentPageModel.LanguageField]);
        fields[ConsentPageModel.DecisionField] = ConsentPageModel.AgreeValue;
        var agreed = await stack.Anonymous.PostAsync(link + "/consent", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        Assert.Contains(">Antworten speichern</button>", await agreed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = WebUtility.HtmlDecode(await (await stack.Anonymous.PostAsync(link, EngineDriver.Answers(4))).Content.ReadAsStringAsync());
        Assert.Contains("<h1>Danke!</h1>", saved, StringComparison.Ordinal);
        Assert.Contains("<p>Welle 1 ist gespeichert.</p>", saved, StringComparison.Ordinal);

        // The record says which language's text was agreed to, with that text's hash.
        var report = await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/consent");
        var record = Assert.Single(report.GetProperty("records").EnumerateArray());
        Assert.Equal("de", record.GetProperty("language").GetString());
        Assert.Equal(PanelConsent.Hash("Wir untersuchen Co-Creation.\n\nDie Teilnahme ist freiwillig."), record.GetProperty("textSha256").GetString());

        // The linking export: the German participant's language, the default for the one without.
        var linking = (await stack.Admin.GetStringAsync($"api/panels/{panelId}/export/linking")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(linking, l => l.Contains($",{german},Jörg,de,active,agreed:2027-01", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(linking, l => l.Contains($",{english},Ann,en,active,", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/api/r/[A-Za-z0-9_\-\.]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\" ?/?>")]
    private static partial Regex HiddenField();
}
