using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Tracker.Engine.Summaries;
using Tracker.Web.Pages;

namespace Tracker.EndToEnd.Tests;

/// <summary>Weekly summaries (one per recipient per ISO week, however often the timer runs) and the RFC 8058 one-click unsubscribe.</summary>
[Collection(StackCollection.Name)]
public sealed class SummaryCadenceTests(StackFixture stack)
{
    [Fact]
    public async Task Weekly_summaries_go_once_per_week_and_never_to_a_recipient_who_unsubscribed_with_one_click()
    {
        var stakeholders = StackFixture.Emails(3);
        var panelId = await stack.PanelWithOneClosedWaveAsync(stakeholders, SummaryCadences.Weekly);
        var service = stack.Stack.Host.Services.GetRequiredService<TrendSummaryService>();
        var week = SummaryPeriod.Week(stack.Clock.GetUtcNow());

        // Repeated and concurrent runs in one week: one email each.
        await stack.Stack.Host.InvokeAsync("SendTrendSummaries");
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => service.SendDueAsync(CancellationToken.None))));
        await stack.Stack.Host.InvokeAsync("SendTrendSummaries");
        var first = await MessagesToAsync(stakeholders, expected: 3);
        foreach (var email in stakeholders)
        {
            var mine = Assert.Single(first, m => m.To.Mailboxes.Any(a => a.Address.Equals(email, StringComparison.OrdinalIgnoreCase)));
            Assert.EndsWith($"trend summary, {week.Label}", mine.Subject ?? "", StringComparison.Ordinal);
        }

        // The first stakeholder unsubscribes the way a mail app does: POST List-Unsubscribe=One-Click to the header's URL.
        var leaving = first.Single(m => m.To.Mailboxes.Any(a => a.Address.Equals(stakeholders[0], StringComparison.OrdinalIgnoreCase)));
        var link = UnsubscribeUrl(leaving);
        Assert.Contains(link, leaving.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(link), leaving.HtmlBody ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("@", link, StringComparison.Ordinal);
        var other = UnsubscribeUrl(first.Single(m => m.To.Mailboxes.Any(a => a.Address.Equals(stakeholders[1], StringComparison.OrdinalIgnoreCase))));
        Assert.NotEqual(link, other);

        var confirm = await stack.Anonymous.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var page = await confirm.Content.ReadAsStringAsync();
        Assert.Contains(UnsubscribePage.ConfirmTitle, page, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"List-Unsubscribe\" value=\"One-Click\"", page, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", confirm.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", confirm.Headers.GetValues("Referrer-Policy").Single());

        using (var oneClick = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))
        {
            var done = await stack.Anonymous.PostAsync(link, oneClick);
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
            Assert.Contains(UnsubscribePage.DoneTitle, await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A second click is harmless, and the page now says it is done.
        Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.PostAsync(link, null)).StatusCode);
        Assert.Contains(UnsubscribePage.DoneTitle, await (await stack.Anonymous.GetAsync(link)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Next week: the other two get one more summary each, the one who left gets nothing.
        stack.Clock.Advance(TimeSpan.FromDays(7));
        var nextWeek = SummaryPeriod.Week(stack.Clock.GetUtcNow());
        Assert.NotEqual(week.Key, nextWeek.Key);
        await stack.Stack.Host.InvokeAsync("SendTrendSummaries");
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => service.SendDueAsync(CancellationToken.None))));
        Assert.All(runs.SelectMany(r => r).Where(r => r.PanelId == panelId), r => Assert.Equal(1, r.Unsubscribed));
        var all = await MessagesToAsync(stakeholders, expected: 5);
        Assert.Equal(2, all.Count(m => (m.Subject ?? "").EndsWith(nextWeek.Label, StringComparison.Ordinal)));
        Assert.DoesNotContain(all, m => (m.Subject ?? "").EndsWith(nextWeek.Label, StringComparison.Ordinal) && m.To.Mailboxes.Any(a => a.Address.Equals(stakeholders[0], StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task Bad_unsubscribe_tokens_are_a_404_page_and_tokens_do_not_cross_between_links()
    {
        var stakeholders = StackFixture.Emails(1);
        await stack.PanelWithOneClosedWaveAsync(stakeholders);
        await stack.Stack.Host.InvokeAsync("SendTrendSummaries");
        var summary = Assert.Single(await MessagesToAsync(stakeholders, expected: 1));
        var link = UnsubscribeUrl(summary);
        var token = link[(link.LastIndexOf('/') + 1)..];
        var survey = stack.Stack.Host.Services.GetRequiredService<Tracker.Engine.Links.LinkSigner>()
            .Sign(new Tracker.Engine.Links.LinkToken("p23456789ab", "participant23456", 1, stack.Clock.GetUtcNow().AddDays(1)));

        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        string[] bad = ["x", "a.b", tampered, token + "A", token.Replace('.', '-'), survey, new string('A', 2000), "..%2F..%2Fapi"];
        foreach (var candidate in bad)
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                using var request = new HttpRequestMessage(method, $"api/summary/unsubscribe/{candidate}");
                var response = await stack.Anonymous.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {candidate[..Math.Min(20, candidate.Length)]}: {(int)response.StatusCode}");
            }
        }

        // The summary token is no survey link either.
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Anonymous.GetAsync($"api/r/{token}")).StatusCode);
    }

    private static string UnsubscribeUrl(MimeMessage message)
    {
        var header = message.Headers["List-Unsubscribe"] ?? "";
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        return header[1..header.IndexOf('>', StringComparison.Ordinal)];
    }

    /// <summary>Waits for the expected number of emails to these recipients, then a moment longer so an extra one would show.</summary>
    private async Task<List<MimeMessage>> MessagesToAsync(IReadOnlyCollection<string> recipients, int expected)
    {
        var wanted = new HashSet<string>(recipients, StringComparer.OrdinalIgnoreCase);
        await stack.Inbox.WaitForMessagesAsync(all => all.Count(m => m.To.Any(wanted.Contains)) >= expected, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var messages = new List<MimeMessage>();
        foreach (var summary in (await stack.Inbox.ListMessagesAsync()).Where(m => m.To.Any(wanted.Contains)))
        {
            var raw = await stack.Inbox.GetRawAsync(summary.Id);
            messages.Add(await MimeMessage.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw))));
        }

        Assert.Equal(expected, messages.Count);
        return messages;
    }
}
