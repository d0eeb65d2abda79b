using System.Net.Http.Json;
using Azure.Data.Tables;
using Tracker.EndToEnd.Tests.Engine;
using Tracker.Engine.OptOut;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Storage;

namespace Tracker.EndToEnd.Tests.Participants;

/// <summary>
/// The importer against the real storage with other writes interleaved at a chosen point (its test seam): nothing
/// recorded meanwhile is reverted, a failure half-way is finished by a re-run, and damaged or older data is handled.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ImportInterleavingTests(StackFixture stack)
{
    private readonly EngineDriver engine = new(stack);

    private ParticipantImporter Importer => engine.Service<ParticipantImporter>();

    private ParticipantRepository Repository => engine.Service<ParticipantRepository>();

    [Fact]
    public async Task A_leave_recorded_between_the_imports_read_and_its_write_is_not_reverted()
    {
        var (panel, emails, ids) = await PanelWithAsync(2);
        var leaver = ids[emails[0]];

        var import = await ImportWithAsync(panel, Roster(emails, "Europe/Berlin"), ImportStage.Read, ct =>
            Repository.RecordOptOutAsync(panel.Id, leaver, OptOutChoice.Leave, 1, stack.Clock.GetUtcNow(), ct));

        Assert.Equal(2, import.Updated);
        var left = (await Repository.GetAsync(panel.Id, leaver, CancellationToken.None))!;
        Assert.False(left.Active);
        Assert.Equal(1, left.LeftWave);
        Assert.Equal("Europe/Berlin", left.TimeZone);
        var stays = (await Repository.GetAsync(panel.Id, ids[emails[1]], CancellationToken.None))!;
        Assert.True(stays.Active);
        Assert.Equal("Europe/Berlin", stays.TimeZone);
    }

    [Fact]
    public async Task An_erasure_between_the_imports_read_and_its_write_is_not_reverted_and_the_line_is_refused()
    {
        var (panel, emails, ids) = await PanelWithAsync(2);
        var erased = ids[emails[0]];

        var import = await ImportWithAsync(panel, Roster(emails, "Europe/Berlin"), ImportStage.Read, ct =>
            engine.Service<ParticipantErasure>().EraseAsync(panel, erased, withResponses: false, ct));

        Assert.Equal(1, import.Updated);
        Assert.Contains(import.Rejected, r => r.Line == 2 && r.Reason == ParticipantImporter.ErasedReason);
        var entity = (await Repository.GetEntityAsync(panel.Id, erased, CancellationToken.None))!;
        Assert.Equal(ParticipantEntity.Erased, entity.Status);
        Assert.Equal("", entity.TimeZone);
        Assert.Null(await Repository.GetContactAsync(panel.Id, erased, CancellationToken.None));
    }

    [Fact]
    public async Task An_import_that_fails_half_way_leaves_nobody_active_and_its_rerun_completes_it()
    {
        var panelId = await engine.CreatePanelAsync(new() { ["waves"] = 2, ["interval"] = "P7D", ["window"] = "P5D" });
        var panel = (await engine.Service<PanelService>().GetAsync(panelId, CancellationToken.None))!;
        var emails = StackFixture.Emails(5);

        await Assert.ThrowsAsync<InvalidOperationException>(() => ImportWithAsync(panel, Roster(emails, "UTC"), ImportStage.ContactsWritten, _ =>
            throw new InvalidOperationException("storage went away half-way")));

        // Contacts without participants: nobody is counted, planned or sent to.
        Assert.Empty(await Repository.ListAsync(panelId, CancellationToken.None));
        Assert.Equal(0, (await engine.StatusAsync(panelId)).GetProperty("waves")[0].GetProperty("planned").GetInt32());

        var rerun = await ImportWithAsync(panel, Roster(emails, "UTC"), ImportStage.Read, _ => Task.CompletedTask);
        Assert.Equal(0, rerun.Added);
        Assert.Equal(5, rerun.Completed);
        Assert.Empty(rerun.Rejected);
        var participants = await Repository.ListAsync(panelId, CancellationToken.None);
        var contacts = await Repository.GetContactsAsync(panelId, CancellationToken.None);
        Assert.Equal(5, participants.Count(p => p.Active));
        Assert.Equal(participants.Select(p => p.Id).Order(), contacts.Keys.Order());
        Assert.Equal(5, (await engine.StatusAsync(panelId)).GetProperty("waves")[0].GetProperty("planned").GetInt32());

        var third = await ImportWithAsync(panel, Roster(emails, "UTC"), ImportStage.Read, _ => Task.CompletedTask);
        Assert.Equal((0, 0, 5), (third.Added, third.Completed, third.AlreadyEnrolled));
    }

    [Fact]
    public async Task Participant_rows_without_a_contact_left_by_older_imports_are_reported_apart_not_counted_or_planned()
    {
        var (panel, emails, ids) = await PanelWithAsync(3);

        // As an import before the contact-first order left them: participant rows whose contact write never happened.
        var now = stack.Clock.GetUtcNow();
        var orphans = new[] { Tracker.Engine.Common.Ids.NewParticipantId(), Tracker.Engine.Common.Ids.NewParticipantId() };
        await Repository.AddNewAsync(
            [],
            orphans.Select(id => new ParticipantEntity { PartitionKey = panel.Id, RowKey = id, TimeZone = "UTC", EnrolledAt = now }).ToList(),
            null,
            CancellationToken.None);

        // The independent count: participant rows that have a contact row.
        var contacts = await Repository.GetContactsAsync(panel.Id, CancellationToken.None);
        var reachable = (await Repository.ListAsync(panel.Id, CancellationToken.None)).Count(p => p.Active && contacts.ContainsKey(p.Id));
        Assert.Equal(ids.Count, reachable);

        var status = await engine.StatusAsync(panel.Id);
        Assert.Equal(reachable, status.GetProperty("activeParticipants").GetInt32());
        Assert.Equal(reachable, status.GetProperty("participants").GetInt32());
        Assert.Equal(orphans.Length, status.GetProperty("orphaned").GetInt32());
        Assert.All(status.GetProperty("waves").EnumerateArray(), w => Assert.Equal(reachable, w.GetProperty("planned").GetInt32()));

        var plan = await stack.Admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"api/panels/{panel.Id}/plan");
        var planned = plan.GetProperty("sends").EnumerateArray().Select(s => s.GetProperty("participantId").GetString()!).ToHashSet();
        Assert.Equal(ids.Values.ToHashSet(), planned);
    }

    [Fact]
    public async Task A_panel_enrolled_before_the_index_is_indexed_from_its_contacts_on_the_next_import()
    {
        var panelId = await engine.CreatePanelAsync(new() { ["waves"] = 2, ["interval"] = "P7D", ["window"] = "P5D" });
        var panel = (await engine.Service<PanelService>().GetAsync(panelId, CancellationToken.None))!;
        var emails = StackFixture.Emails(3);

        // As the importer before the index wrote them: contact and participant rows, no index rows.
        var now = stack.Clock.GetUtcNow();
        var ids = emails.Select(_ => Tracker.Engine.Common.Ids.NewParticipantId()).ToList();
        await Repository.AddNewAsync(
            emails.Select((e, i) => new ContactEntity { PartitionKey = panelId, RowKey = ids[i], Email = e }).ToList(),
            ids.Select(id => new ParticipantEntity { PartitionKey = panelId, RowKey = id, TimeZone = "UTC", EnrolledAt = now }).ToList(),
            null,
            CancellationToken.None);

        var dryRun = await Importer.ImportAsync(panel, new StringReader(Roster(emails, "UTC")), dryRun: true, CancellationToken.None);
        Assert.Equal((0, 3), (dryRun.Value!.Added, dryRun.Value.AlreadyEnrolled));
        Assert.Empty(await IndexRowsAsync(panelId));

        var import = await ImportWithAsync(panel, Roster([.. emails, "new-" + emails[0]], "UTC"), ImportStage.Read, _ => Task.CompletedTask);
        Assert.Equal((1, 3), (import.Added, import.AlreadyEnrolled));
        Assert.Equal(4, (await Repository.ListAsync(panelId, CancellationToken.None)).Count);
        var index = await IndexRowsAsync(panelId);
        Assert.Equal(4, index.Count(r => r.RowKey != ContactIndexEntity.MarkerRow));
        Assert.Superset(ids.ToHashSet(), index.Select(r => r.ParticipantId).ToHashSet());

        // Nothing in the index is the address in clear.
        Assert.DoesNotContain(index, r => emails.Any(e => r.RowKey.Contains(e, StringComparison.OrdinalIgnoreCase) || r.RowKey.Contains(e.Split('@')[0], StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task An_index_row_that_names_no_participant_is_reported_on_its_line_not_answered_with_500()
    {
        var (panel, emails, ids) = await PanelWithAsync(2);
        var table = engine.Service<TrackerStorage>().Table(StorageNames.ContactsTable);
        var broken = (await IndexRowsAsync(panel.Id)).Single(r => r.ParticipantId == ids[emails[1]]);
        broken.ParticipantId = "";
        await table.UpdateEntityAsync(broken, broken.ETag, TableUpdateMode.Replace);

        using var content = new StringContent(Roster(emails, "UTC"), System.Text.Encoding.UTF8, "text/csv");
        var response = await stack.Admin.PostAsync($"api/panels/{panel.Id}/participants", content);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"line\":3", body, StringComparison.Ordinal);
        Assert.Contains("damaged storage", body, StringComparison.Ordinal);
        Assert.Equal(2, (await Repository.ListAsync(panel.Id, CancellationToken.None)).Count);
    }

    private async Task<(Panel Panel, string[] Emails, Dictionary<string, string> Ids)> PanelWithAsync(int count)
    {
        var panelId = await engine.CreatePanelAsync(new() { ["waves"] = 2, ["interval"] = "P7D", ["window"] = "P5D" });
        var emails = StackFixture.Emails(count);
        var ids = await engine.EnrolAsync(panelId, emails);
        return ((await engine.Service<PanelService>().GetAsync(panelId, CancellationToken.None))!, emails, ids);
    }

    private async Task<ParticipantImportResult> ImportWithAsync(Panel panel, string csv, ImportStage at, Func<CancellationToken, Task> interleaved)
    {
        Importer.Interleave = (stage, ct) => stage == at ? interleaved(ct) : Task.CompletedTask;
        try
        {
            var result = await Importer.ImportAsync(panel, new StringReader(csv), dryRun: false, CancellationToken.None);
            return result.Value!;
        }
        finally
        {
            Importer.Interleave = null;
        }
    }

    private async Task<List<ContactIndexEntity>> IndexRowsAsync(string panelId)
    {
        var table = engine.Service<TrackerStorage>().Table(StorageNames.ContactsTable);
        var partition = ContactIndexEntity.Partition(panelId);
        var rows = new List<ContactIndexEntity>();
        await foreach (var row in table.QueryAsync<ContactIndexEntity>(e => e.PartitionKey == partition)) rows.Add(row);
        return rows;
    }

    private static string Roster(IEnumerable<string> emails, string timeZone) =>
        "email,time_zone\n" + string.Join('\n', emails.Select(e => $"{e},{timeZone}"));
}
