using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Cli.Bench;
using Tracker.LocalHost.App;
using Tracker.Engine.Links;
using Tracker.Engine.Participants;
using Tracker.Engine.Storage;

namespace Tracker.Cli.Tests;

/// <summary>
/// Participants pressing Save several times at once (double clicks, two tabs), mixed with everyone else's first
/// submissions: first inserts share transactions, repeats go through read-and-replace, and each participant keeps one row.
/// </summary>
public sealed class ConcurrentSubmissionTests
{
    private const int Participants = 40;
    private const int Repeats = 3;

    [Fact]
    public async Task Simultaneous_repeats_leave_one_row_per_participant_with_a_revision_per_acknowledged_save()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        await using var stack = await TrackerStack.StartAsync(BenchCommand.StackOptions(), ct);
        using var admin = stack.Host.CreateClient(withAdminKey: true);
        using var web = stack.Host.CreateClient();
        var panelId = await IngestBenchmark.CreatePanelAsync(admin, ct);
        var ids = await IngestBenchmark.EnrolAsync(admin, stack.Host.Services.GetRequiredService<ParticipantRepository>(), panelId, Participants, ct);
        var signer = stack.Host.Services.GetRequiredService<LinkSigner>();

        // The same participants with different answers each time (different seeds), all posted at once and shuffled.
        var rounds = Enumerable.Range(0, Repeats).Select(seed => IngestBenchmark.Prepare(signer, panelId, ids, seed)).ToList();
        var all = rounds.SelectMany(r => r).OrderBy(_ => Random.Shared.Next()).ToList();
        var ledger = new SubmissionLedger();
        await IngestBenchmark.SubmitAsync(web, all, 32, ledger, null, ct);
        Assert.Equal(Participants * Repeats, ledger.StatusCounts().GetValueOrDefault(200));

        var rows = new TableClient(stack.StorageConnectionString, StorageNames.ResponsesTable)
            .QueryAsync<ResponseEntity>(e => e.PartitionKey == ResponseEntity.Partition(panelId, 1), cancellationToken: ct);
        var stored = new List<ResponseEntity>();
        await foreach (var row in rows) stored.Add(row);

        Assert.Equal(Participants, stored.Count);
        foreach (var row in stored)
        {
            Assert.Equal(Repeats, row.Revision);
            var answers = JsonSerializer.Deserialize<Dictionary<string, int>>(row.AnswersJson)!;
            Assert.Contains(rounds, r => r.Single(s => s.ParticipantId == row.RowKey).Answers.OrderBy(kv => kv.Key).SequenceEqual(answers.OrderBy(kv => kv.Key)));
        }
    }
}
