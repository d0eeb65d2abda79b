using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Tracker.LocalHost.Stack;

namespace Tracker.EndToEnd.Tests;

/// <summary>The researcher's data-retention notices through the daily timer: once at 30 days, once at 7, never twice, none without an address.</summary>
[Collection(StackCollection.Name)]
public sealed class RetentionNoticeTests(StackFixture stack)
{
    [Fact]
    public async Task The_researcher_is_emailed_once_at_thirty_days_and_once_at_seven_and_a_panel_without_an_address_gets_nothing()
    {
        var researcher = StackFixture.Emails(1)[0];
        var until = Day(40);
        var id = await CreateAsync(until, researcher);

        // 40 days before: nothing yet.
        await RunTimerAsync();
        Assert.Empty(await MessagesToAsync(researcher, expected: 0));

        // 30 days before: one notice, and a second run the same day sends nothing more.
        stack.Clock.Advance(TimeSpan.FromDays(10));
        await RunTimerAsync();
        await RunTimerAsync();
        var first = Assert.Single(await MessagesToAsync(researcher, expected: 1));
        Assert.Contains(id, first.Subject, StringComparison.Ordinal);
        Assert.Contains(until, first.Subject, StringComparison.Ordinal);
        Assert.Contains("30 days left", first.Subject, StringComparison.Ordinal);
        var text = await stack.Inbox.GetPlainTextAsync(first.Id);
        Assert.Contains($"tracker panel delete --panel {id} --dry-run", text, StringComparison.Ordinal);
        Assert.Contains($"tracker panel delete --panel {id} --yes", text, StringComparison.Ordinal);
        Assert.Contains("Nothing is deleted automatically", text, StringComparison.Ordinal);
        Assert.Contains("Retention &lt;notice&gt;", await stack.Inbox.GetHtmlAsync(first.Id), StringComparison.Ordinal);

        // A week on (23 days left): nothing.
        stack.Clock.Advance(TimeSpan.FromDays(7));
        await RunTimerAsync();
        Assert.Single(await MessagesToAsync(researcher, expected: 1));

        // 7 days before: the final notice, once. A panel first seen inside the last week gets only that one, and a
        // panel without a researcherEmail gets none.
        stack.Clock.Advance(TimeSpan.FromDays(16));
        var late = StackFixture.Emails(1)[0];
        var lateId = await CreateAsync(Day(5), late);
        var silentId = await CreateAsync(Day(5), researcherEmail: null);
        await RunTimerAsync();
        await RunTimerAsync();
        var both = await MessagesToAsync(researcher, expected: 2);
        Assert.Single(both, m => m.Subject.Contains("7 days left", StringComparison.Ordinal));
        var lateNotice = Assert.Single(await MessagesToAsync(late, expected: 1));
        Assert.Contains(lateId, lateNotice.Subject, StringComparison.Ordinal);
        Assert.Contains("5 days left", lateNotice.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(await stack.Inbox.ListMessagesAsync(), m => m.Subject.Contains(silentId, StringComparison.Ordinal));
    }

    private async Task<string> CreateAsync(string until, string? researcherEmail)
    {
        var start = stack.Clock.GetUtcNow();
        var schedule = new { start, waves = 1, interval = "P7D", window = "P1D" };
        var created = await stack.Admin.PostAsJsonAsync("api/panels", new { name = "Retention <notice>", instrument = "default", schedule, dataRetentionUntil = until, researcherEmail });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<StackFixture.CreatedPanel>())!.Id;
    }

    private Task RunTimerAsync() => stack.Stack.Host.InvokeAsync("SendRetentionNotices");

    /// <summary>Waits for the expected number of emails to this address, then a moment longer so an extra one would show.</summary>
    private async Task<List<Smtp4devMessageSummary>> MessagesToAsync(string address, int expected)
    {
        bool Mine(Smtp4devMessageSummary m) => m.To.Any(t => t.Equals(address, StringComparison.OrdinalIgnoreCase));
        if (expected > 0) await stack.Inbox.WaitForMessagesAsync(all => all.Count(Mine) >= expected, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var messages = (await stack.Inbox.ListMessagesAsync()).Where(Mine).ToList();
        Assert.Equal(expected, messages.Count);
        return messages;
    }

    private string Day(int days) =>
        DateOnly.FromDateTime(stack.Clock.GetUtcNow().UtcDateTime).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
