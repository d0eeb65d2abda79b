using System.Globalization;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Tracker.Engine.Invitations;
using Tracker.Engine.Storage;
using Tracker.LocalHost.Stack;

namespace Tracker.EndToEnd.Tests.Sending;

/// <summary>
/// The sender's batched path on Azurite: a batch's ledger rows read in one query, claims and marks of many senders
/// group-committed into entity-group transactions. Each row keeps its own ETag condition: whoever changed a row since
/// it was read (another claimer) or since it was claimed (a take-over after the lease) wins that row, and only that
/// row — the others in the same transaction still commit.
/// </summary>
public sealed class BatchedClaimsTests : IAsyncLifetime
{
    private const string Panel = "pBatchClaims";
    private const int Wave = 1;
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private AzuriteServer azurite = null!;

    public async Task InitializeAsync() => azurite = await AzuriteServer.StartAsync();

    public async Task DisposeAsync() => await azurite.DisposeAsync();

    [Fact]
    public async Task Claims_made_from_one_read_lose_the_rows_another_sender_claimed_since_and_the_rest_share_round_trips()
    {
        var (planner, _) = Ledger();
        var ids = Participants(40);
        await planner.EnqueueAsync(ids.Select(id => InvitationLedger.NewRow(Panel, Wave, id, MessageKind.Invite)).ToList(), Now, CancellationToken.None);

        var (sender, requests) = Ledger();
        var read = await sender.ReadParticipantRangeAsync(Panel, Wave, ids[0], ids[^1], CancellationToken.None);
        Assert.Equal(ids.Count, read.Count);

        // Another sender (a batch delivered twice) claims three of them after the read.
        var (rival, _) = Ledger();
        var taken = new[] { ids[3], ids[17], ids[38] };
        foreach (var id in taken)
        {
            Assert.NotNull(await rival.TryClaimQueuedAsync(Panel, Wave, id, MessageKind.Invite, MessageId(id), Now, CancellationToken.None));
        }

        requests.Reset();
        var claims = await Task.WhenAll(ids.Select(id =>
            sender.TryClaimReadAsync(read[InvitationEntity.Row(id, MessageKind.Invite)], Panel, Wave, id, MessageKind.Invite, MessageId(id), Now.AddSeconds(1), CancellationToken.None)));

        var won = ids.Zip(claims).Where(p => p.Second is not null).Select(p => p.First).ToList();
        Assert.Equal(ids.Except(taken), won);
        // 37 claims without a transaction would be 37 requests, one each; together they are a handful.
        Assert.InRange(requests.Seen.Count, 1, 12);

        var rows = await planner.ReadWaveAsync(Panel, Wave, CancellationToken.None);
        Assert.All(rows.Values, r => Assert.Equal(LedgerEntity.Claimed, r.State));
        Assert.All(rows.Values, r => Assert.Equal(1, r.Attempts));
        Assert.All(taken, id => Assert.Equal(Now, rows[InvitationEntity.Row(id, MessageKind.Invite)].ClaimedAt));
        Assert.All(won, id => Assert.Equal(Now.AddSeconds(1), rows[InvitationEntity.Row(id, MessageKind.Invite)].ClaimedAt));
    }

    [Fact]
    public async Task Marks_committed_together_after_a_take_over_lose_only_the_rows_taken_over()
    {
        var (planner, _) = Ledger();
        var ids = Participants(20);
        await planner.EnqueueAsync(ids.Select(id => InvitationLedger.NewRow(Panel, Wave, id, MessageKind.Invite)).ToList(), Now, CancellationToken.None);
        var (sender, requests) = Ledger();
        var read = await sender.ReadParticipantRangeAsync(Panel, Wave, ids[0], ids[^1], CancellationToken.None);
        var claims = (await Task.WhenAll(ids.Select(id =>
            sender.TryClaimReadAsync(read[InvitationEntity.Row(id, MessageKind.Invite)], Panel, Wave, id, MessageKind.Invite, MessageId(id), Now, CancellationToken.None)))).ToList();
        Assert.All(claims, Assert.NotNull);

        // The sender stalls past its lease; the planner's re-plan lets another sender take two rows over.
        var later = Now + SendLedgerDefaults.ClaimLease + TimeSpan.FromMinutes(1);
        var (rival, _) = Ledger();
        var taken = new[] { ids[0], ids[11] };
        var rivalClaims = new List<InvitationEntity>();
        foreach (var id in taken)
        {
            rivalClaims.Add(Assert.IsType<InvitationEntity>(await rival.TryClaimQueuedAsync(Panel, Wave, id, MessageKind.Invite, MessageId(id), later, CancellationToken.None)));
        }

        // One sent, one refused, one of unknown outcome among the late sender's marks, all at once.
        requests.Reset();
        var marks = await Task.WhenAll(claims.Select((claim, i) => i switch
        {
            5 => sender.MarkFailedAsync(claim!, "550 5.1.1 refused", CancellationToken.None),
            11 => sender.MarkUnknownAsync(claim!, "no reply", later, CancellationToken.None),
            _ => sender.MarkSentAsync(claim!, later, CancellationToken.None),
        }));

        Assert.Equal(ids.Select(id => !taken.Contains(id)), marks);
        Assert.InRange(requests.Seen.Count, 1, 8);
        var rows = await planner.ReadWaveAsync(Panel, Wave, CancellationToken.None);
        string State(string id) => rows[InvitationEntity.Row(id, MessageKind.Invite)].State;
        Assert.All(taken, id => Assert.Equal(LedgerEntity.Claimed, State(id)));
        Assert.All(taken, id => Assert.Equal(2, rows[InvitationEntity.Row(id, MessageKind.Invite)].Attempts));
        Assert.Equal(LedgerEntity.Failed, State(ids[5]));
        Assert.Equal(17, ids.Count(id => State(id) == LedgerEntity.Sent));

        // The rival's claims are intact: its own marks (conditional on its ETags) go through.
        Assert.All(await Task.WhenAll(rivalClaims.Select(c => rival.MarkSentAsync(c, later, CancellationToken.None))), Assert.True);
    }

    private static List<string> Participants(int count) =>
        Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"part{i:D12}")).ToList();

    private static string MessageId(string participant) => InvitationComposer.MessageId(Panel, Wave, participant, MessageKind.Invite, "tracker@example.org");

    /// <summary>A ledger on its own storage clients (as a separate instance would have), counting the table requests it makes.</summary>
    private (InvitationLedger Ledger, StorageRequestLog Requests) Ledger()
    {
        var counter = new StorageRequestLog();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var connection = azurite.ConnectionString;
        var storage = new TrackerStorage(new TableServiceClient(connection, options), new BlobServiceClient(connection), new QueueServiceClient(connection));
        return (new InvitationLedger(storage), counter);
    }
}
