using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Tracker.Cli.Panels;
using Tracker.Engine.Storage;

namespace Tracker.Browser.Tests;

/// <summary>
/// A study's end from the command line against the real stack: a panel closed (nothing more sent, its links say the
/// study has ended, its data and opt-out still work) and a panel deleted with everything it stored, checked in Azurite
/// itself, while another panel's data stay as they were.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class StudyEndCliTests(BrowserFixture stack)
{
    [Fact]
    public async Task A_closed_panel_sends_nothing_its_links_say_the_study_has_ended_and_its_data_stay()
    {
        var panelId = await stack.CreatePanelAsync(waves: 2);
        var emails = BrowserFixture.Emails(2);
        await stack.ImportAsync(panelId, emails);
        await stack.DispatchAsync(panelId, 1);
        var links = await stack.LinksForAsync(emails, wave: 1);
        await stack.SubmitAsync(links[emails[0]], 5);
        var optOut = await OptOutLinkAsync(emails[1]);

        var closed = await RunAsync("panel", "close", "--panel", panelId);
        Assert.True(closed.ExitCode == 0, closed.Error);
        Assert.Contains($"Panel {panelId} is closed", closed.Output, StringComparison.Ordinal);
        var first = (await stack.StatusAsync(panelId)).GetProperty("closedAt").GetDateTimeOffset();

        // Idempotent: a second close succeeds and keeps the first close's time.
        Assert.Equal(0, (await RunAsync("panel", "close", "--panel", panelId)).ExitCode);
        var status = await stack.StatusAsync(panelId);
        Assert.Equal(("closed", first), (status.GetProperty("state").GetString(), status.GetProperty("closedAt").GetDateTimeOffset()));
        var listed = (await stack.Admin.GetFromJsonAsync<JsonElement>("api/panels")).GetProperty("panels").EnumerateArray().Single(p => p.GetProperty("id").GetString() == panelId);
        Assert.Equal("closed", listed.GetProperty("state").GetString());

        // No further sends: the wave routes refuse with 409.
        foreach (var route in new[] { "dispatch", "resend-unknown" })
        {
            var refused = await stack.Admin.PostAsync($"api/panels/{panelId}/waves/1/{route}", null);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("is closed", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The links answer "this study has ended" (410), for a look and for a post alike.
        var shown = await stack.Anonymous.GetAsync(links[emails[1]]);
        Assert.Equal(HttpStatusCode.Gone, shown.StatusCode);
        Assert.Contains("This study has ended", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var posted = await stack.Anonymous.PostAsync(links[emails[0]], new FormUrlEncodedContent([new("w1", "3")]));
        Assert.Equal(HttpStatusCode.Gone, posted.StatusCode);

        // Opt-out still works; the data stay: the export still holds the one response.
        Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.GetAsync(optOut)).StatusCode);
        var export = await stack.Admin.GetStringAsync($"api/panels/{panelId}/export/long");
        Assert.Equal(2, export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(1, (await stack.StatusAsync(panelId)).GetProperty("waves")[0].GetProperty("responded").GetInt32());

        var show = await RunAsync("panel", "show", "--panel", panelId);
        Assert.True(show.ExitCode == 0, show.Error);
        Assert.Matches(@"state: closed \(since \d{4}-\d\d-\d\d \d\d:\d\d \+00:00\)", show.Output);
        Assert.Contains("participants: 2 active of 2 enrolled", show.Output, StringComparison.Ordinal);
        var json = JsonDocument.Parse((await RunAsync("panel", "show", "--panel", panelId, "--json")).Output).RootElement;
        Assert.Equal(2, json.GetProperty("waves").GetArrayLength());
    }

    [Fact]
    public async Task Panel_show_prints_each_wave_in_the_panels_own_time_zone()
    {
        var response = await stack.Admin.PostAsJsonAsync("api/panels", new
        {
            name = "Zoned study",
            instrument = "default",
            timeZone = "America/New_York",
            schedule = new { start = "2031-01-06T14:00:00Z", waves = 2, interval = "P7D", window = "P5D" },
        });
        var panelId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var show = await RunAsync("panel", "show", "--panel", panelId);

        Assert.True(show.ExitCode == 0, show.Error);
        // 14:00 UTC is 09:00 in New York in January (UTC−5), worked out here by hand rather than by the code under test.
        Assert.Matches(@"│\s+1 │ 2031-01-06 09:00 -05:00\s+│ 2031-01-11 09:00 -05:00\s+│ scheduled", show.Output);
        Assert.Matches(@"│\s+2 │ 2031-01-13 09:00 -05:00\s+│ 2031-01-18 09:00 -05:00\s+│ scheduled", show.Output);
        Assert.Contains("state: scheduled", show.Output, StringComparison.Ordinal);
        Assert.Contains("opens (America/New_York)", show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_lists_what_will_go_then_removes_every_row_blob_and_message_of_the_panel_and_nothing_of_another()
    {
        // Two panels with participants, sent invitations and responses; the doomed one also gets a sealed wave and a model.
        var doomed = await stack.CreatePanelAsync(waves: 2);
        var other = await stack.CreatePanelAsync(waves: 2);
        var doomedEmails = BrowserFixture.Emails(3);
        var otherEmails = BrowserFixture.Emails(2);
        await stack.ImportAsync(doomed, doomedEmails);
        await stack.ImportAsync(other, otherEmails);
        await stack.DispatchAsync(doomed, 1);
        await stack.DispatchAsync(other, 1);
        var doomedLinks = await stack.LinksForAsync(doomedEmails, wave: 1);
        var otherLinks = await stack.LinksForAsync(otherEmails, wave: 1);
        foreach (var (link, value) in doomedLinks.Values.Select((l, i) => (l, 3 + i))) await stack.SubmitAsync(link, value);
        await stack.SubmitAsync(otherLinks[otherEmails[0]], 4);

        // Wave 1 (window P5D) closes for everyone; sealing it also fits the model.
        stack.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(HttpStatusCode.OK, (await stack.Admin.PostAsync($"api/panels/{doomed}/waves/1/seal", null)).StatusCode);
        await stack.Admin.GetAsync($"api/panels/{doomed}/summary/preview");
        // A dispatch message naming the panel waits in the poison queue, which no listener drains (the dispatch queue's
        // listener would take one at once), and one of the other panel beside it.
        var poison = new QueueClient(stack.Stack.StorageConnectionString, StorageNames.DispatchPoisonQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync(JsonSerializer.Serialize(new { panelId = doomed, wave = 2, items = Array.Empty<object>() }));
        await poison.SendMessageAsync(JsonSerializer.Serialize(new { panelId = other, wave = 2, items = Array.Empty<object>() }));

        var before = await StoredAsync(doomed);
        var otherBefore = await StoredAsync(other);
        Assert.All(new[] { StorageNames.PanelsTable, StorageNames.WavesTable, StorageNames.ParticipantsTable, StorageNames.ContactsTable, StorageNames.InvitationsTable, StorageNames.ResponsesTable }, t => Assert.True(before[t] > 0, $"{t} holds nothing for the panel before"));
        Assert.True(before[StorageNames.SealedWavesContainer] == 1, "one sealed wave");
        Assert.True(before[StorageNames.ModelsContainer] > 0, "a model");
        Assert.Equal(1, before[StorageNames.DispatchPoisonQueue]);

        // The dry run lists it all (per table the rows counted here independently) and deletes nothing.
        var dryRun = await RunAsync("panel", "delete", "--panel", doomed, "--dry-run", "--json");
        Assert.True(dryRun.ExitCode == 0, dryRun.Error);
        var listing = JsonDocument.Parse(dryRun.Output).RootElement;
        foreach (var table in listing.GetProperty("tables").EnumerateArray())
        {
            Assert.Equal(before[table.GetProperty("name").GetString()!], table.GetProperty("rows").GetInt32());
        }

        foreach (var container in listing.GetProperty("blobs").EnumerateArray())
        {
            Assert.Equal(before[container.GetProperty("container").GetString()!], container.GetProperty("count").GetInt32());
        }

        Assert.Equal(1, listing.GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("name").GetString() == StorageNames.DispatchPoisonQueue).GetProperty("messages").GetInt32());
        Assert.Equal(before, await StoredAsync(doomed));
        var printed = await RunAsync("panel", "delete", "--panel", doomed, "--dry-run");
        Assert.Matches($@"table\s+│ responses\s+│\s+{before[StorageNames.ResponsesTable]} rows", printed.Output);

        // Without --yes and without a terminal to ask on: refused in one line, exit 2, nothing deleted.
        var refused = await RunAsync("panel", "delete", "--panel", doomed);
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal($"error: deleting panel {doomed} needs --yes when input is not a terminal (list what would go with --dry-run)", refused.Error.Trim());
        Assert.Equal(before, await StoredAsync(doomed));

        // The API refuses a missing or mismatched confirm with a 400 that says how.
        var unconfirmed = await stack.Admin.DeleteAsync($"api/panels/{doomed}");
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains($"?confirm={doomed}", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await stack.Admin.DeleteAsync($"api/panels/{doomed}?confirm={other}")).StatusCode);

        var deleted = await RunAsync("panel", "delete", "--panel", doomed, "--yes");
        Assert.True(deleted.ExitCode == 0, deleted.Error);
        Assert.Contains($"Deleted panel {doomed}:", deleted.Output, StringComparison.Ordinal);

        var after = await StoredAsync(doomed);
        Assert.All(after, kv => Assert.True(kv.Value == 0, $"{kv.Key} still holds {kv.Value} for the deleted panel"));
        Assert.Equal(otherBefore, await StoredAsync(other));
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Admin.GetAsync($"api/panels/{doomed}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Anonymous.GetAsync(doomedLinks[doomedEmails[0]])).StatusCode);
        Assert.Equal(2, (await RunAsync("panel", "delete", "--panel", doomed, "--yes")).ExitCode);
    }

    [Fact]
    public async Task A_deletion_cut_short_is_finished_by_repeating_it()
    {
        var panelId = await stack.CreatePanelAsync(waves: 2);
        var emails = BrowserFixture.Emails(2);
        await stack.ImportAsync(panelId, emails);
        await stack.DispatchAsync(panelId, 1);
        await stack.SubmitAsync((await stack.LinksForAsync(emails, wave: 1))[emails[0]], 4);

        // What a deletion stopped half-way leaves: the panel closed, some tables already emptied, the rest and the
        // definition row still there (it goes last, so the panel can still be found).
        Assert.Equal(0, (await RunAsync("panel", "close", "--panel", panelId)).ExitCode);
        foreach (var name in new[] { StorageNames.ParticipantsTable, StorageNames.ContactsTable })
        {
            var table = new TableClient(stack.Stack.StorageConnectionString, name);
            await foreach (var row in table.QueryAsync<TableEntity>(r => r.PartitionKey == panelId)) await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        var listed = (await stack.Admin.GetFromJsonAsync<JsonElement>("api/panels")).GetProperty("panels").EnumerateArray();
        Assert.Contains(listed, p => p.GetProperty("id").GetString() == panelId);
        var left = await StoredAsync(panelId);
        Assert.True(left[StorageNames.InvitationsTable] > 0 && left[StorageNames.ResponsesTable] > 0, "the half-deleted panel keeps its ledger and responses");

        var repeated = await RunAsync("panel", "delete", "--panel", panelId, "--yes");

        Assert.True(repeated.ExitCode == 0, repeated.Error);
        Assert.All(await StoredAsync(panelId), kv => Assert.True(kv.Value == 0, $"{kv.Key} still holds {kv.Value} for the deleted panel"));
    }

    /// <summary>
    /// What storage holds for a panel, read straight from Azurite (not through the code under test): per table the rows
    /// whose partition is the panel or starts with "{panel}~" (the panels table: its definition row), per container
    /// the blobs under "{panel}/", per queue the messages whose text names it.
    /// </summary>
    private async Task<Dictionary<string, int>> StoredAsync(string panelId)
    {
        var connection = stack.Stack.StorageConnectionString;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var tables = new TableServiceClient(connection);
        await foreach (var table in tables.QueryAsync())
        {
            // The audit trail gains a row with each admin call (the dry run's included) and outlives the panel by design.
            if (table.Name == StorageNames.AuditTable) continue;
            var rows = 0;
            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                if (row.PartitionKey == panelId || row.PartitionKey.StartsWith(panelId + "~", StringComparison.Ordinal) || row.RowKey == panelId) rows++;
            }

            counts[table.Name] = rows;
        }

        var blobs = new BlobServiceClient(connection);
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            var names = 0;
            await foreach (var _ in blobs.GetBlobContainerClient(container.Name).GetBlobsAsync(BlobTraits.None, BlobStates.All, panelId + "/", CancellationToken.None)) names++;
            counts[container.Name] = names;
        }

        var queues = new QueueServiceClient(connection, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await foreach (var item in queues.GetQueuesAsync())
        {
            var peeked = (await queues.GetQueueClient(item.Name).PeekMessagesAsync(32)).Value;
            counts[item.Name] = peeked.Count(m => m.Body.ToString().Contains(panelId, StringComparison.Ordinal));
        }

        return counts;
    }

    private async Task<string> OptOutLinkAsync(string email)
    {
        var message = (await stack.Inbox.ListMessagesAsync()).First(m => m.To.Contains(email, StringComparer.OrdinalIgnoreCase));
        return OptOutPattern().Match(await stack.Inbox.GetPlainTextAsync(message.Id)).Value;
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/api/o/[A-Za-z0-9_\-\.]+")]
    private static partial Regex OptOutPattern();

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var root = new RootCommand("tracker");
        root.Subcommands.Add(PanelCommand.Create(inputIsTerminal: () => false));
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exitCode = await root.Parse([.. arguments, "--url", stack.Stack.Host.BaseUrl.ToString(), "--key", stack.Stack.AdminKey]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
