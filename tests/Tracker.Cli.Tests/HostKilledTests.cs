using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Cli.Bench;
using Tracker.LocalHost.App;
using Tracker.LocalHost.Stack;
using Tracker.Engine;
using Tracker.Engine.Links;
using Tracker.Engine.Participants;
using Tracker.Engine.Storage;

namespace Tracker.Cli.Tests;

/// <summary>
/// <c>tracker serve</c> as its own process, killed (SIGKILL, no shutdown) in the middle of a stream of submissions and
/// started again on the same storage: every answer a participant was told is saved is there exactly once.
/// </summary>
public sealed class HostKilledTests
{
    private const int Participants = 100;
    private const string AdminKey = "host-killed-test-admin-key";

    [Fact]
    public async Task A_killed_host_loses_no_acknowledged_response_and_duplicates_none()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = timeout.Token;
        await using var azurite = await AzuriteServer.StartAsync(cancellationToken: ct);
        var port = FreePort.Next();
        var baseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var linkKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        // The test signs links and lists participants with the app's own services, on the same storage and link key.
        var settings = TrackerStack.LocalSettings(azurite.ConnectionString, "127.0.0.1", 9, baseUrl, linkKey);
        await using var services = new ServiceCollection().AddLogging().AddTracker(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();

        var host = await StartServeAsync(azurite.ConnectionString, port, linkKey, ct);
        try
        {
            using var admin = new HttpClient { BaseAddress = baseUrl };
            admin.DefaultRequestHeaders.Add("x-functions-key", AdminKey);
            var panelId = await IngestBenchmark.CreatePanelAsync(admin, ct);
            var ids = await IngestBenchmark.EnrolAsync(admin, services.GetRequiredService<ParticipantRepository>(), panelId, Participants, ct);
            var submissions = IngestBenchmark.Prepare(services.GetRequiredService<LinkSigner>(), panelId, ids, seed: 9);
            var ledger = new SubmissionLedger();
            using var web = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

            var stream = IngestBenchmark.SubmitAsync(web, submissions, 8, ledger, null, ct);
            while (ledger.Acknowledged().Count < 25 && !stream.IsCompleted)
            {
                await Task.Delay(10, ct);
            }

            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync(ct);
            await stream;
            Assert.True(ledger.Acknowledged().Count < Participants, "the stream finished before the kill; nothing was interrupted");

            var responses = new TableClient(azurite.ConnectionString, StorageNames.ResponsesTable);
            var afterKill = await IngestBenchmark.AccountAsync(responses, panelId, submissions, ledger, ct);
            Assert.Equal(0, afterKill.Missing);
            Assert.Equal(0, afterKill.Mismatched);

            host.Dispose();
            host = await StartServeAsync(azurite.ConnectionString, port, linkKey, ct);
            var acknowledged = ledger.Acknowledged();
            await IngestBenchmark.SubmitAsync(web, submissions.Where(s => !acknowledged.Contains(s.ParticipantId)), 8, ledger, null, ct);

            var final = await IngestBenchmark.AccountAsync(responses, panelId, submissions, ledger, ct);
            Assert.Equal(Participants, final.Acknowledged);
            Assert.Equal(Participants, final.Stored);
            Assert.Equal((0, 0, 0), (final.Missing, final.Unacknowledged, final.Mismatched));
        }
        finally
        {
            if (!host.HasExited) host.Kill(entireProcessTree: true);
            host.Dispose();
        }
    }

    /// <summary>Runs the CLI's <c>serve</c> (built beside this test) on the given storage, and waits until it answers.</summary>
    private static async Task<Process> StartServeAsync(string storage, int port, string linkKey, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "tracker.dll"), "serve",
            "--storage", storage, "--smtp", "127.0.0.1:9", "--port", port.ToString(CultureInfo.InvariantCulture),
            "--admin-key", AdminKey, "--link-key", linkKey,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start tracker serve");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"), Timeout = TimeSpan.FromSeconds(2) };
        probe.DefaultRequestHeaders.Add("x-functions-key", AdminKey);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(process.HasExited, $"tracker serve exited with {(process.HasExited ? process.ExitCode : 0)}");
            try
            {
                using var status = await probe.GetAsync("admin/host/status", ct);
                if (status.IsSuccessStatusCode) return process;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Listening but not answering yet.
            }

            await Task.Delay(100, ct);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("tracker serve did not answer within 60 s");
    }
}
