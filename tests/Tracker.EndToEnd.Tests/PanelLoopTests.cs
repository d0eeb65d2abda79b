using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tracker.Engine.Instruments;

namespace Tracker.EndToEnd.Tests;

/// <summary>The foundation's vertical slice against real Azurite and smtp4dev over HTTP.</summary>
[Collection(StackCollection.Name)]
public sealed class PanelLoopTests(StackFixture stack)
{
    private static readonly IReadOnlyList<Item> Items = DefaultInstrument.Instance.Items.ToList();

    [Fact]
    public async Task Create_import_dispatch_follow_the_emailed_link_submit_and_status_counts_the_answer()
    {
        var panelId = await stack.CreatePanelAsync();
        var emails = StackFixture.Emails(3);
        var import = await stack.ImportAsync(panelId, "email,external_id,time_zone\n" + string.Join('\n', emails.Select((e, i) => $"{e},ext-{i},Europe/Berlin")));
        Assert.Equal((3, 0, 0), (import.Added, import.Updated, import.Rejected.Count));

        var dispatch = await stack.Admin.PostAsync($"api/panels/{panelId}/waves/1/dispatch", null);
        Assert.Equal(HttpStatusCode.Accepted, dispatch.StatusCode);
        Assert.Equal($"/api/panels/{panelId}/status", dispatch.Headers.Location?.OriginalString);
        Assert.Equal(3, (await dispatch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("queued").GetInt32());
        var links = await stack.LinksForAsync(emails, wave: 1);
        Assert.Equal(3, links.Count);

        var form = await stack.Anonymous.GetAsync(links[emails[0]]);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync();
        Assert.Equal(Items.Count, CountOf(html, "<fieldset"));
        Assert.Equal("no-referrer", form.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", form.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("default-src 'none'", form.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var submitted = await stack.Anonymous.PostAsync(links[emails[0]], Answers(5));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Contains("saved", await submitted.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var status = await stack.SentAsync(panelId, wave: 1);
        var wave1 = status.GetProperty("waves")[0];
        Assert.Equal(1, wave1.GetProperty("number").GetInt32());
        Assert.Equal(3, wave1.GetProperty("sent").GetInt32());
        Assert.Equal("open", wave1.GetProperty("state").GetString());
        Assert.Equal(3, wave1.GetProperty("invited").GetInt32());
        Assert.Equal(1, wave1.GetProperty("responded").GetInt32());
        Assert.Equal(1.0 / 3, wave1.GetProperty("responseRate").GetDouble(), 3);
        Assert.Equal("scheduled", status.GetProperty("waves")[1].GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_dispatch_timer_sends_each_invitation_once_however_often_it_runs()
    {
        var panelId = await stack.CreatePanelAsync();
        var emails = StackFixture.Emails(4);
        await stack.ImportAsync(panelId, "email\n" + string.Join('\n', emails));

        await stack.Stack.Host.InvokeAsync("DispatchDueWaves");
        await stack.Stack.Host.InvokeAsync("DispatchDueWaves");
        var again = await stack.Admin.PostAsync($"api/panels/{panelId}/waves/1/dispatch", null);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var report = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, report.GetProperty("queued").GetInt32());
        Assert.Equal(4, report.GetProperty("inFlight").GetInt32() + report.GetProperty("settled").GetInt32());

        await stack.LinksForAsync(emails, wave: 1);
        var all = await stack.Inbox.ListMessagesAsync();
        foreach (var email in emails)
        {
            Assert.Single(all, m => m.To.Contains(email, StringComparer.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task A_resubmission_before_the_wave_closes_replaces_the_first_answer()
    {
        var (panelId, link) = await OneInvitedParticipantAsync();
        Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.PostAsync(link, Answers(2))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.PostAsync(link, Answers(6))).StatusCode);

        var status = await StatusAsync(panelId);
        Assert.Equal(1, status.GetProperty("waves")[0].GetProperty("responded").GetInt32());

        // The form now shows the second answers as chosen.
        var html = await stack.Anonymous.GetStringAsync(link);
        Assert.Contains($"value=\"6\" checked", html.Replace("checked=\"checked\"", "checked", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"2\" checked", html.Replace("checked=\"checked\"", "checked", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_token_gets_a_clear_404_page_and_stores_nothing()
    {
        var (panelId, link) = await OneInvitedParticipantAsync();
        var token = link[(link.LastIndexOf('/') + 1)..];
        var flipped = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];
        var tampered = link[..(link.LastIndexOf('/') + 1)] + flipped;

        var get = await stack.Anonymous.GetAsync(tampered);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Contains("This link does not work", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var post = await stack.Anonymous.PostAsync(tampered, Answers(4));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Anonymous.GetAsync("api/r/not-a-token")).StatusCode);

        Assert.Equal(0, (await StatusAsync(panelId)).GetProperty("waves")[0].GetProperty("responded").GetInt32());
    }

    [Fact]
    public async Task Missing_and_out_of_range_answers_come_back_as_422_with_what_was_typed_kept()
    {
        var (panelId, link) = await OneInvitedParticipantAsync();
        var partial = Items.Take(5).Select(i => new KeyValuePair<string, string>(i.Id, "3"))
            .Append(new(Items[5].Id, "9"))
            .ToList();
        var response = await stack.Anonymous.PostAsync(link, new FormUrlEncodedContent(partial));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = (await response.Content.ReadAsStringAsync()).Replace("checked=\"checked\"", "checked", StringComparison.Ordinal);
        Assert.Contains($"id=\"{Items[0].Id}-3\"", html, StringComparison.Ordinal);
        Assert.Contains("from 1 to 7", html, StringComparison.Ordinal);
        Assert.Equal(5, CountOf(html, "value=\"3\" checked"));

        Assert.Equal(0, (await StatusAsync(panelId)).GetProperty("waves")[0].GetProperty("responded").GetInt32());
    }

    [Fact]
    public async Task A_submission_to_a_closed_wave_gets_410_and_the_stored_answer_is_unchanged()
    {
        var (panelId, link) = await OneInvitedParticipantAsync();
        Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.PostAsync(link, Answers(4))).StatusCode);

        stack.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
        var late = await stack.Anonymous.PostAsync(link, Answers(1));
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Contains("closed", await late.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Gone, (await stack.Anonymous.GetAsync(link)).StatusCode);

        var wave1 = (await StatusAsync(panelId)).GetProperty("waves")[0];
        Assert.Equal("closed", wave1.GetProperty("state").GetString());
        Assert.Equal(1, wave1.GetProperty("responded").GetInt32());
    }

    private async Task<(string PanelId, string Link)> OneInvitedParticipantAsync()
    {
        var panelId = await stack.CreatePanelAsync();
        var email = StackFixture.Emails(1);
        await stack.ImportAsync(panelId, "email\n" + email[0]);
        Assert.Equal(HttpStatusCode.Accepted, (await stack.Admin.PostAsync($"api/panels/{panelId}/waves/1/dispatch", null)).StatusCode);
        var links = await stack.LinksForAsync(email, wave: 1);
        return (panelId, links[email[0]]);
    }

    private async Task<JsonElement> StatusAsync(string panelId) =>
        await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/status");

    private static FormUrlEncodedContent Answers(int value) =>
        new(Items.Select(i => new KeyValuePair<string, string>(i.Id, value.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
