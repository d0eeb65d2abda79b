using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tracker.Engine.Instruments;

namespace Tracker.EndToEnd.Tests.Participants;

/// <summary>
/// A form on three pages through the real stack: each Next saves its page, an interrupted participant resumes on a
/// second "device" (a fresh client, the same link) where they stopped with the first page kept, errors keep what was
/// typed, and status and exports tell complete from partial responses.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class PagedFormTests(StackFixture stack)
{
    private static readonly Instrument Instrument = DefaultInstrument.Instance with
    {
        // An English-only panel: the built-in German translation would need "languages": ["en", "de"] and German page texts.
        Translations = null,
        Pages =
        [
            new Page("about-you", [
                new(null, new Question("age", QuestionType.Number, "How old are you?") { Min = 16, Max = 99, WholeNumbers = true }),
                new(null, new Question("platforms", QuestionType.MultipleChoice, "Which platforms do you use?") { Choices = [new("yt", "YouTube"), new("tiktok", "TikTok")] }),
            ]) { Title = "About you" },
            new Page("statements", [.. DefaultInstrument.Instance.Constructs.Select(c => new PageEntry(c.Id, null))]),
            new Page("comments", [new(null, new Question("comment", QuestionType.LongText, "Anything else?") { Required = false, MaxLength = 500 })]),
        ],
    };

    [Fact]
    public async Task Pages_are_saved_as_the_participant_moves_on_resume_on_another_device_and_show_as_partial_until_submitted()
    {
        var created = await stack.Admin.PostAsJsonAsync("api/panels", new
        {
            name = "Paged form",
            instrument = JsonDocument.Parse(InstrumentJson.Serialize(Instrument)).RootElement,
            schedule = new { start = stack.Clock.GetUtcNow(), waves = 2, interval = "P7D", window = "P5D" },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var panelId = (await created.Content.ReadFromJsonAsync<StackFixture.CreatedPanel>())!.Id;
        var emails = StackFixture.Emails(2);
        await stack.ImportAsync(panelId, "email\n" + string.Join('\n', emails));
        Assert.Equal(HttpStatusCode.Accepted, (await stack.Admin.PostAsync($"api/panels/{panelId}/waves/1/dispatch", null)).StatusCode);
        var links = await stack.LinksForAsync(emails, wave: 1);
        var (finisher, stopper) = (links[emails[0]], links[emails[1]]);

        var first = await stack.Anonymous.GetStringAsync(finisher);
        Assert.Contains("Page 1 of 3", first, StringComparison.Ordinal);
        Assert.Contains("How old are you?", first, StringComparison.Ordinal);

        // A wrong type is an error on the same page with what was typed kept.
        var wrong = await PostAsync(stack.Anonymous, finisher, ("_page", "about-you"), ("age", "thirty"), ("platforms", "yt"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("value=\"thirty\"", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 3", wrongHtml, StringComparison.Ordinal);

        var second = await PostAsync(stack.Anonymous, finisher, ("_page", "about-you"), ("age", "34"), ("platforms", "tiktok"), ("platforms", "yt"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Page 2 of 3", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Interrupted: the same link on another device opens page 2, and Back finds page 1 as saved.
        using (var phone = stack.Stack.Host.CreateClient())
        {
            var resumed = await phone.GetStringAsync(finisher);
            Assert.Contains("Page 2 of 3", resumed, StringComparison.Ordinal);
            var back = await PostAsync(phone, finisher, ("_page", "statements"), ("_action", "back"));
            var backHtml = await back.Content.ReadAsStringAsync();
            Assert.Contains("Page 1 of 3", backHtml, StringComparison.Ordinal);
            Assert.Contains("value=\"34\"", backHtml, StringComparison.Ordinal);

            var statements = Instrument.Items.Select(i => (i.Id, "5")).Prepend(("_page", "statements")).ToArray();
            var third = await PostAsync(phone, finisher, statements);
            Assert.Contains("Page 3 of 3", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var done = await PostAsync(phone, finisher, ("_page", "comments"), ("comment", "Thanks"));
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
            Assert.DoesNotContain("<progress", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A field of another page, or a page that does not exist, is refused outright.
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(stack.Anonymous, stopper, ("_page", "about-you"), ("ugc_1", "4"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(stack.Anonymous, stopper, ("_page", "elsewhere"), ("age", "20"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(stack.Anonymous, stopper, ("_page", "about-you"), ("age", "20"), ("platforms", "yt"))).StatusCode);

        var status = await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/status");
        var wave1 = status.GetProperty("waves").EnumerateArray().Single(w => w.GetProperty("number").GetInt32() == 1);
        Assert.Equal((2, 1, 1), (wave1.GetProperty("responded").GetInt32(), wave1.GetProperty("complete").GetInt32(), wave1.GetProperty("partial").GetInt32()));

        var longCsv = (await stack.Admin.GetStringAsync($"api/panels/{panelId}/export/long")).TrimEnd('\r', '\n').Split("\r\n").Select(l => l.Split(',')).ToList();
        var complete = Array.IndexOf(longCsv[0], "complete");
        var willingness = Array.IndexOf(longCsv[0], "willingness");
        var rows = longCsv.Skip(1).ToList();
        Assert.Equal(["0", "1"], rows.Select(r => r[complete]).Order());
        Assert.Equal("", rows.Single(r => r[complete] == "0")[willingness]);
        Assert.NotEqual("", rows.Single(r => r[complete] == "1")[willingness]);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string link, params (string Name, string Value)[] fields)
    {
        using var form = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(link, form);
    }
}
