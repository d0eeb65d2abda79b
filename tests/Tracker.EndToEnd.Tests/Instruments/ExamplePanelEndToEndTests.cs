using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Engine.Consent;
using Tracker.Engine.Exports;
using Tracker.Engine.Instruments;
using Tracker.Engine.Models;
using Tracker.Engine.Responses;
using Tracker.LocalHost.Stack;

namespace Tracker.EndToEnd.Tests.Instruments;

/// <summary>
/// The example panel of docs/instruments.md, as the repository ships it, end to end on Azurite and smtp4dev: a
/// German-speaking participant from the CSV gets the German invitation template with her first name, consents on a
/// German page, answers the German baseline page, is interrupted and resumes on a second "device" with page 1 kept,
/// and completes the wave; an English-speaking participant who stops after page 1 stays partial (status, exports,
/// left out of the model's input); the consent record names each one's language; wave 2 has no baseline page.
/// </summary>
[Collection(StackCollection.Name)]
public sealed partial class ExamplePanelEndToEndTests(StackFixture stack)
{
    private static readonly string ExampleFile = Path.Combine(RepositoryRoot.Find(), "docs", "examples", "co-creation-panel.json");

    [Fact]
    public async Task A_participant_consents_answers_the_baseline_is_interrupted_resumes_on_a_second_device_and_completes()
    {
        var definition = JsonNode.Parse(await File.ReadAllTextAsync(ExampleFile))!.AsObject();
        var instrument = Instrument(definition);
        // Only the schedule changes: the example's starts in 2027, the test's now on the fake clock.
        definition["schedule"] = new JsonObject { ["start"] = stack.Clock.GetUtcNow(), ["waves"] = 2, ["interval"] = "P7D", ["window"] = "P5D" };
        var created = await stack.Admin.PostAsJsonAsync("api/panels", definition);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var panelId = (await created.Content.ReadFromJsonAsync<StackFixture.CreatedPanel>())!.Id;

        var emails = StackFixture.Emails(2);
        var (anna, ben) = (emails[0], emails[1]);
        await stack.ImportAsync(panelId, $"email,first_name,language\n{anna},Anna,de\n{ben},Ben,");
        Assert.Equal(HttpStatusCode.Accepted, (await stack.Admin.PostAsync($"api/panels/{panelId}/waves/1/dispatch", null)).StatusCode);

        // The invitation is the example's template in the participant's language, filled with the first name and the study.
        var (subject, text) = await InvitationAsync(anna);
        Assert.Equal("Co-creation panel: Befragung 1 von 2", subject);
        Assert.StartsWith("Hallo Anna,", text, StringComparison.Ordinal);
        Assert.Contains("Ihr Studienteam, Beispiel-Universität", text, StringComparison.Ordinal);
        var link = Link(text);
        var (benSubject, benText) = await InvitationAsync(ben);
        Assert.Equal("Co-creation panel: wave 1 of 2", benSubject);
        Assert.StartsWith("Dear Ben,", benText, StringComparison.Ordinal);
        var benLink = Link(benText);

        // The link shows the consent page first, in German; agreeing leads to page 1 of 5, the baseline, in German.
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = stack.Stack.Host.BaseUrl };
        var consent = await GetAsync(stack.Anonymous, link);
        Assert.Contains("<html lang=\"de\"", consent, StringComparison.Ordinal);
        Assert.Contains("Über diese Studie und Ihre Einwilligung", consent, StringComparison.Ordinal);
        Assert.Contains("Die Teilnahme ist freiwillig.", consent, StringComparison.Ordinal);
        Assert.Contains(">Ich stimme zu und möchte teilnehmen</button>", consent, StringComparison.Ordinal);
        Assert.DoesNotContain("Taking part is voluntary.", consent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, (await noRedirect.PostAsync(link + "/consent", Fields(Hidden(consent), (ConsentPageModel.DecisionField, ConsentPageModel.AgreeValue)))).StatusCode);
        var page1 = await GetAsync(stack.Anonymous, link);
        Assert.Contains("<html lang=\"de\"", page1, StringComparison.Ordinal);
        Assert.Contains("Seite 1 von 5", page1, StringComparison.Ordinal);
        Assert.Contains("Über Sie", page1, StringComparison.Ordinal);
        Assert.Contains("Wie alt sind Sie?", page1, StringComparison.Ordinal);
        Assert.Contains(">Weiter</button>", page1, StringComparison.Ordinal);
        Assert.DoesNotContain("How old are you?", page1, StringComparison.Ordinal);
        Assert.DoesNotContain("tiktok_hours", page1, StringComparison.Ordinal);

        var page2 = await PostAsync(stack.Anonymous, link, page1, ("age", "34"), ("gender", "f"), ("platforms", "instagram"), ("platforms", "youtube"), ("joined", "2025-06-01"));
        Assert.Equal(HttpStatusCode.OK, page2.Status);
        Assert.Contains("Seite 2 von 5", page2.Html, StringComparison.Ordinal);

        // Interrupted. A second device (a fresh client, no cookies) opens the same link on page 2; Back shows page 1 as saved.
        using (var phone = stack.Stack.Host.CreateClient())
        {
            var resumed = await GetAsync(phone, link);
            Assert.Contains("Seite 2 von 5", resumed, StringComparison.Ordinal);
            Assert.Contains("Was Sie tun", resumed, StringComparison.Ordinal);
            Assert.Contains("<html lang=\"de\"", resumed, StringComparison.Ordinal);
            var back = await PostAsync(phone, link, resumed, ("_action", "back"));
            Assert.Contains("Seite 1 von 5", back.Html, StringComparison.Ordinal);
            Assert.Contains("value=\"34\"", back.Html, StringComparison.Ordinal);
            Assert.Matches("value=\"f\" checked", back.Html);
            var again = await PostAsync(phone, link, back.Html, ("age", "34"), ("gender", "f"), ("platforms", "instagram"), ("platforms", "youtube"), ("joined", "2025-06-01"));
            Assert.Contains("Seite 2 von 5", again.Html, StringComparison.Ordinal);

            var html = again.Html;
            foreach (var (pageId, number) in new[] { ("behaviour", 3), ("psychology", 4), ("outcome", 5) })
            {
                var next = await PostAsync(phone, link, html, [.. ItemsOn(instrument, pageId).Select(i => (i, "6"))]);
                Assert.Equal(HttpStatusCode.OK, next.Status);
                Assert.Contains($"Seite {number} von 5", next.Html, StringComparison.Ordinal);
                html = next.Html;
            }

            var thanks = await PostAsync(phone, link, html, ("comment", "Gern wieder."));
            Assert.Equal(HttpStatusCode.OK, thanks.Status);
            Assert.Contains("Vielen Dank!", thanks.Html, StringComparison.Ordinal);
            Assert.Contains("Ihre Antworten zu Befragung 1 von 2 sind gespeichert.", thanks.Html, StringComparison.Ordinal);
        }

        // Ben agrees, ticks TikTok: the question about hours appears (it applies now) and is answered; then he stops.
        var benConsent = await GetAsync(stack.Anonymous, benLink);
        Assert.Contains("Taking part is voluntary.", benConsent, StringComparison.Ordinal);
        await stack.Anonymous.PostAsync(benLink + "/consent", Fields(Hidden(benConsent), (ConsentPageModel.DecisionField, ConsentPageModel.AgreeValue)));
        var benPage1 = await GetAsync(stack.Anonymous, benLink);
        Assert.Contains("Page 1 of 5", benPage1, StringComparison.Ordinal);
        var asked = await PostAsync(stack.Anonymous, benLink, benPage1, ("age", "27"), ("platforms", "tiktok"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, asked.Status);
        Assert.Contains("About how many hours a week do you spend on TikTok?", asked.Html, StringComparison.Ordinal);
        var benPage2 = await PostAsync(stack.Anonymous, benLink, asked.Html, ("age", "27"), ("platforms", "tiktok"), ("tiktok_hours", "5.5"));
        Assert.Equal(HttpStatusCode.OK, benPage2.Status);
        Assert.Contains("Page 2 of 5", benPage2.Html, StringComparison.Ordinal);

        // Status and exports: one complete, one partial; the partial one is left out of what the models read.
        var status = await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/status");
        var wave1 = status.GetProperty("waves")[0];
        Assert.Equal((2, 1, 1), (wave1.GetProperty("responded").GetInt32(), wave1.GetProperty("complete").GetInt32(), wave1.GetProperty("partial").GetInt32()));
        var items = Csv(await stack.Admin.GetStringAsync($"api/panels/{panelId}/export/items"));
        Assert.Equal([("27", "tiktok", "5.5", ""), ("34", "instagram;youtube", "", "6")], items
            .Select(r => (r["age"], r["platforms"], r["tiktok_hours"], r["willingness_1"])).Order());
        var longCsv = Csv(await stack.Admin.GetStringAsync($"api/panels/{panelId}/export/long"));
        // Willingness from three 6s, the third item reverse-keyed: (6 + 6 + 2) / 3.
        Assert.Equal([("0", ""), ("1", "4.6667")], longCsv.Select(r => (r["complete"], r["willingness"] is { Length: > 0 } w ? double.Parse(w, System.Globalization.CultureInfo.InvariantCulture).ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture) : "")).Order());
        var source = new CompleteResponseSource(stack.Stack.Host.Services.GetRequiredService<IResponseSource>(), includePartial: false);
        var modelled = new List<StoredResponse>();
        await foreach (var response in source.ReadWaveAsync(panelId, 1, CancellationToken.None)) modelled.Add(response);
        Assert.True(Assert.Single(modelled).Complete);
        Assert.Equal(1, source.Excluded);

        // The consent record: both agreed to version 2027-01, each in the language of the text they read.
        var record = await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/consent");
        var records = record.GetProperty("records").EnumerateArray().ToList();
        Assert.All(records, r => Assert.Equal(("agreed", "2027-01"), (r.GetProperty("decision").GetString(), r.GetProperty("version").GetString())));
        Assert.Equal(["de", "en"], records.Select(r => r.GetProperty("language").GetString()!).Order(StringComparer.Ordinal));

        // Wave 2: no consent again (same version), no baseline page: the constructs' three pages and the comments.
        stack.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Accepted, (await stack.Admin.PostAsync($"api/panels/{panelId}/waves/2/dispatch", null)).StatusCode);
        var (subject2, text2) = await InvitationAsync(anna, wave: 2);
        Assert.Equal("Co-creation panel: Befragung 2 von 2", subject2);
        var wave2 = await GetAsync(stack.Anonymous, Link(text2));
        Assert.Contains("Seite 1 von 4", wave2, StringComparison.Ordinal);
        Assert.Contains("Was Sie tun", wave2, StringComparison.Ordinal);
        Assert.DoesNotContain("Wie alt sind Sie?", wave2, StringComparison.Ordinal);
        Assert.DoesNotContain("/consent\"", wave2, StringComparison.Ordinal);
    }

    private static Instrument Instrument(JsonObject definition)
    {
        using var json = JsonDocument.Parse(definition["instrument"]!.ToJsonString());
        Assert.True(InstrumentJson.TryRead(json.RootElement, out var instrument, out var problems), string.Join("; ", problems));
        return instrument!;
    }

    private static IEnumerable<string> ItemsOn(Instrument instrument, string pageId) =>
        instrument.FormPages.Single(p => p.Id == pageId).Items.Select(e => e.Construct).OfType<string>()
            .SelectMany(c => instrument.Constructs.Single(k => k.Id == c).Items.Select(i => i.Id));

    /// <summary>The wave's invitation to <paramref name="email"/>: its subject and plain text.</summary>
    private async Task<(string Subject, string Text)> InvitationAsync(string email, int wave = 1)
    {
        var messages = await stack.Inbox.WaitForMessagesAsync(all => all.Count(m => m.To.Contains(email, StringComparer.OrdinalIgnoreCase)) >= wave, TimeSpan.FromSeconds(30));
        var message = messages.Where(m => m.To.Contains(email, StringComparer.OrdinalIgnoreCase)).OrderBy(m => m.ReceivedDate).ElementAt(wave - 1);
        return (message.Subject, await stack.Inbox.GetPlainTextAsync(message.Id));
    }

    private static string Link(string text)
    {
        var link = LinkPattern().Match(text);
        Assert.True(link.Success, "no survey link in the email");
        return link.Value;
    }

    /// <summary>Posts the page as the form would: its hidden fields (which page, when it was served), the answers, and Next unless another action is given.</summary>
    private static async Task<(HttpStatusCode Status, string Html)> PostAsync(HttpClient client, string link, string page, params (string Name, string Value)[] fields)
    {
        var all = Hidden(page);
        all.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        if (!fields.Any(f => f.Name == "_action")) all.Add(new("_action", "next"));
        using var form = new FormUrlEncodedContent(all);
        using var response = await client.PostAsync(link, form);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The page as text (the HTML encodes umlauts as character references).</summary>
    private static async Task<string> GetAsync(HttpClient client, string link) => WebUtility.HtmlDecode(await client.GetStringAsync(link));

    private static FormUrlEncodedContent Fields(List<KeyValuePair<string, string>> hidden, params (string Name, string Value)[] more) =>
        new([.. hidden, .. more.Select(m => new KeyValuePair<string, string>(m.Name, m.Value))]);

    private static List<KeyValuePair<string, string>> Hidden(string html) =>
        [.. HiddenPattern().Matches(html).Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, m.Groups[2].Value))];

    private static List<Dictionary<string, string>> Csv(string csv)
    {
        var lines = csv.TrimEnd('\r', '\n').Split("\r\n");
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))];
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenPattern();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/api/r/[A-Za-z0-9_\-\.]+")]
    private static partial Regex LinkPattern();
}
