using System.Net;
using Azure;
using Azure.Data.Tables;
using Tracker.EndToEnd.Tests.Engine;
using Tracker.Engine.Instruments;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Responses;
using Tracker.Engine.Sealing;
using Tracker.Engine.Storage;

namespace Tracker.EndToEnd.Tests.Participants;

/// <summary>
/// <c>DELETE …/participants/{id}?responses=true</c> on a participant who answered a wave that was then sealed and whose
/// ledger row holds a server reply quoting their address: afterwards no place their data lived still holds it.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ErasureEverywhereTests(StackFixture stack) : IAsyncLifetime
{
    private readonly EngineDriver engine = new(stack);
    private string panelId = "";
    private string erased = "";
    private string erasedEmail = "";
    private string kept = "";
    private HttpResponseMessage erasure = null!;

    public async Task InitializeAsync()
    {
        panelId = await stack.PanelWithOneClosedWaveAsync([]);
        var contacts = await engine.Service<ParticipantRepository>().GetContactsAsync(panelId, CancellationToken.None);
        (erased, erasedEmail) = contacts.Values.OrderBy(c => c.RowKey, StringComparer.Ordinal).Select(c => (c.RowKey, c.Email)).First();
        kept = contacts.Keys.Order(StringComparer.Ordinal).Last();
        Assert.Equal(HttpStatusCode.OK, (await stack.Admin.PostAsync($"api/panels/{panelId}/waves/1/seal", null)).StatusCode);

        // A refusal text as mail servers write them, stored on the participant's ledger row.
        var ledger = engine.Service<TrackerStorage>().Table(StorageNames.InvitationsTable);
        await ledger.UpdateEntityAsync(
            new TableEntity(InvitationEntity.Partition(panelId, 1), InvitationEntity.Row(erased, "invite")) { [nameof(LedgerEntity.Error)] = $"550 5.1.1 <{erasedEmail}>: Recipient address rejected" },
            ETag.All,
            TableUpdateMode.Merge);

        erasure = await stack.Admin.DeleteAsync($"api/panels/{panelId}/participants/{erased}?responses=true");
    }

    public Task DisposeAsync()
    {
        erasure.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_request_says_what_it_erased()
    {
        Assert.Equal(HttpStatusCode.OK, erasure.StatusCode);
        Assert.Contains("\"responseRowsDeleted\":1", await erasure.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_contact_row_is_gone_and_no_row_of_the_contacts_table_holds_the_address()
    {
        Assert.Null(await engine.Service<ParticipantRepository>().GetContactAsync(panelId, erased, CancellationToken.None));
        Assert.NotNull(await engine.Service<ParticipantRepository>().GetContactAsync(panelId, kept, CancellationToken.None));
        await foreach (var row in Table(StorageNames.ContactsTable).QueryAsync<TableEntity>(e => e.PartitionKey.CompareTo(panelId) >= 0 && e.PartitionKey.CompareTo(panelId + "\u007f") < 0))
        {
            Assert.DoesNotContain(row, p => p.Value is string s && s.Contains(erasedEmail, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(erasedEmail, row.RowKey, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task The_participant_row_is_an_erased_tombstone_without_time_zone_or_choices()
    {
        var row = (await engine.Service<ParticipantRepository>().GetEntityAsync(panelId, erased, CancellationToken.None))!;
        Assert.Equal(ParticipantEntity.Erased, row.Status);
        Assert.True(row.ResponsesErased);
        Assert.Equal("", row.TimeZone);
        Assert.Null(row.SkippedWaves);
    }

    [Fact]
    public async Task The_responses_table_holds_only_a_tombstone_without_answers()
    {
        var row = (await Table(StorageNames.ResponsesTable).GetEntityAsync<ResponseEntity>(ResponseEntity.Partition(panelId, 1), erased)).Value;
        Assert.True(row.Erased);
        Assert.Equal("{}", row.AnswersJson);
        Assert.Equal("{}", row.ScoresJson);
        var (response, _) = await engine.Service<ResponseRepository>().GetAsync(panelId, 1, erased, CancellationToken.None);
        Assert.Null(response);
        Assert.Equal(StackFixture.ClosedWaveParticipants - 1, await engine.Service<ResponseRepository>().CountAsync(panelId, 1, CancellationToken.None));
    }

    [Fact]
    public async Task A_submission_still_in_flight_when_the_erasure_returned_cannot_bring_the_answers_back()
    {
        // What a submission validated before the erasure and committed after it does: insert (batched), then read-and-replace.
        var answers = DefaultInstrument.Instance.Items.ToDictionary(i => i.Id, _ => 4);
        var saves = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            engine.Service<ResponseRepository>().SaveAsync(panelId, 1, erased, new ResponseDraft(new ResponseAnswers(answers, new Dictionary<string, string>()), new Dictionary<string, double?>(), true, null), stack.Clock.GetUtcNow(), null, CancellationToken.None)));

        Assert.All(saves, Assert.Null);
        var row = (await Table(StorageNames.ResponsesTable).GetEntityAsync<ResponseEntity>(ResponseEntity.Partition(panelId, 1), erased)).Value;
        Assert.True(row.Erased);
        Assert.Equal("{}", row.AnswersJson);
        var respondents = await engine.Service<ResponseRepository>().RespondentsAsync(panelId, 1, CancellationToken.None);
        Assert.DoesNotContain(erased, respondents.Keys);
    }

    [Fact]
    public async Task The_sealed_blob_is_rewritten_without_the_participant_and_the_wave_records_why()
    {
        var blob = engine.Service<TrackerStorage>().Container(StorageNames.SealedWavesContainer).GetBlobClient(SealedWaveStore.BlobName(panelId, 1));
        var content = (await blob.DownloadContentAsync()).Value;
        var text = content.Content.ToString();
        Assert.DoesNotContain(erased, text, StringComparison.Ordinal);
        Assert.Contains(kept, text, StringComparison.Ordinal);
        Assert.Equal(StackFixture.ClosedWaveParticipants, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // header + the others
        Assert.Equal("1", content.Details.Metadata[SealedWaveStore.RewritesKey]);
        Assert.Equal((StackFixture.ClosedWaveParticipants - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), content.Details.Metadata["rows"]);

        var history = await SealHistory.ReadAsync(Table(StorageNames.WavesTable), panelId, 1, CancellationToken.None);
        var entry = Assert.Single(history);
        Assert.Equal((SealHistoryEntry.Erasure, 1), (entry.Reason, entry.RowsRemoved));
        Assert.DoesNotContain(erased, (await Table(StorageNames.WavesTable).GetEntityAsync<TableEntity>(panelId, WaveEntity.Key(1))).Value.GetString(SealHistory.Property), StringComparison.Ordinal);

        // Readers of the sealed wave see the others exactly.
        var panel = (await engine.Service<PanelService>().GetAsync(panelId, CancellationToken.None))!;
        var rows = new List<StoredResponse>();
        await foreach (var row in (await engine.Service<WaveSealer>().ReadSealedAsync(panel, 1, CancellationToken.None))!) rows.Add(row);
        Assert.Equal(StackFixture.ClosedWaveParticipants - 1, rows.Count);
        Assert.DoesNotContain(rows, r => r.ParticipantId == erased);
    }

    [Fact]
    public async Task No_enrolment_index_row_names_the_participant_and_the_address_is_suppressed_as_a_hash()
    {
        var rows = new List<TableEntity>();
        var index = ContactIndexEntity.Partition(panelId);
        await foreach (var row in Table(StorageNames.ContactsTable).QueryAsync<TableEntity>(e => e.PartitionKey == index)) rows.Add(row);
        Assert.DoesNotContain(rows, r => r.GetString(nameof(ContactIndexEntity.ParticipantId)) == erased);
        Assert.Contains(rows, r => r.GetString(nameof(ContactIndexEntity.ParticipantId)) == kept);

        var suppressed = await engine.Service<ErasedAddresses>().LoadAsync(panelId, CancellationToken.None);
        Assert.Equal(1, suppressed.Count);
        Assert.True(suppressed.Contains(erasedEmail.ToUpperInvariant()));
    }

    [Fact]
    public async Task The_ledger_rows_keep_their_state_but_not_the_servers_reply()
    {
        var row = (await Table(StorageNames.InvitationsTable).GetEntityAsync<TableEntity>(InvitationEntity.Partition(panelId, 1), InvitationEntity.Row(erased, "invite"))).Value;
        Assert.False(row.ContainsKey(nameof(LedgerEntity.Error)));
        Assert.Equal(LedgerEntity.Sent, row.GetString(nameof(LedgerEntity.State)));
    }

    private TableClient Table(string name) => engine.Service<TrackerStorage>().Table(name);
}
