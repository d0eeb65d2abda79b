using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Cli.Bench;
using Tracker.LocalHost.App;
using Tracker.LocalHost.Stack;
using Tracker.Engine.Links;
using Tracker.Engine.Participants;
using Tracker.Engine.Storage;

namespace Tracker.Cli.Tests;

/// <summary>
/// Azurite stopped in the middle of a stream of submissions and started again (its data on disk): participants see a
/// 503 that keeps their choices, and afterwards every acknowledged answer is there, once.
/// </summary>
public sealed class StorageOutageTests
{
    private const int Participants = 40;

    [Fact]
    public async Task During_an_outage_participants_get_503_with_their_choices_kept_and_afterwards_nothing_acknowledged_is_missing()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = timeout.Token;
        await using var azurite = await AzuriteServer.StartAsync(new AzuriteOptions { Persistent = true }, ct);
        var options = BenchCommand.StackOptions();
        options.StorageConnectionString = azurite.ConnectionString;
        await using var stack = await TrackerStack.StartAsync(options, ct);
        using var admin = stack.Host.CreateClient(withAdminKey: true);
        using var web = stack.Host.CreateClient();
        var panelId = await IngestBenchmark.CreatePanelAsync(admin, ct);
        var ids = await IngestBenchmark.EnrolAsync(admin, stack.Host.Services.GetRequiredService<ParticipantRepository>(), panelId, Participants, ct);
        var submissions = IngestBenchmark.Prepare(stack.Host.Services.GetRequiredService<LinkSigner>(), panelId, ids, seed: 8);
        var ledger = new SubmissionLedger();

        await IngestBenchmark.SubmitAsync(web, submissions.Take(20), 4, ledger, null, ct);
        Assert.Equal(20, ledger.Acknowledged().Count);

        // Storage goes away while submissions keep arriving (each refused one costs the SDK's ~1.5 s of retries: keep it short).
        var stream = IngestBenchmark.SubmitAsync(web, submissions.Skip(20).Take(12), 4, ledger, null, ct);
        await azurite.StopAsync(ct);

        var during = submissions[^1];
        using (var response = await web.PostAsync(during.Path, SubmissionForms.Of(during.Answers), ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 without Retry-After");
            var html = await response.Content.ReadAsStringAsync(ct);
            Assert.Contains("could not be saved", html, StringComparison.Ordinal);
            Assert.Equal(during.Answers.OrderBy(kv => kv.Key), SubmissionForms.Checked(html).OrderBy(kv => kv.Key));
            Assert.Contains($"action=\"/{during.Path}\"", html, StringComparison.Ordinal);
        }

        using (var form = await web.GetAsync(during.Path, ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, form.StatusCode);
            Assert.NotNull(form.Headers.RetryAfter);
        }

        await stream;
        await azurite.RestartAsync(ct);

        // What was acknowledged before the restart survived it.
        var responses = new TableClient(azurite.ConnectionString, StorageNames.ResponsesTable);
        var afterRestart = await IngestBenchmark.AccountAsync(responses, panelId, submissions, ledger, ct);
        Assert.Equal(0, afterRestart.Missing);
        Assert.Equal(0, afterRestart.Mismatched);

        // Everyone not told "saved" presses Save again, as the 503 page asks.
        for (var pass = 0; pass < 3 && ledger.Acknowledged().Count < Participants; pass++)
        {
            var acknowledged = ledger.Acknowledged();
            await IngestBenchmark.SubmitAsync(web, submissions.Where(s => !acknowledged.Contains(s.ParticipantId)), 4, ledger, null, ct);
        }

        var final = await IngestBenchmark.AccountAsync(responses, panelId, submissions, ledger, ct);
        Assert.Equal(Participants, final.Acknowledged);
        Assert.Equal(Participants, final.Stored);
        Assert.Equal((0, 0, 0), (final.Missing, final.Unacknowledged, final.Mismatched));
        Assert.True(ledger.StatusCounts().GetValueOrDefault(503) >= 1);
    }
}
