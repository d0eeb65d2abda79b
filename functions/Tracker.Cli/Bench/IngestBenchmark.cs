using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Tracker.LocalHost.App;
using Tracker.Engine.Instruments;
using Tracker.Engine.Links;
using Tracker.Engine.Participants;
using Tracker.Engine.Storage;

namespace Tracker.Cli.Bench;

/// <summary>
/// Form submissions over HTTP into a running stack, timed against bare single-entity table writes to the same storage
/// at the same concurrency, then the responses table read back and checked against what every participant was told.
/// </summary>
public sealed class IngestBenchmark(TrackerStack stack)
{
    private const int Wave = 1;
    private const int Rounds = 5;

    /// <param name="progress">Told what the benchmark is doing (a line per step); not timed.</param>
    public async Task<IngestReport> RunAsync(IngestSettings settings, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        using var admin = stack.Host.CreateClient(withAdminKey: true);
        var total = settings.Warmup + settings.Submissions;

        progress($"Creating a panel and enrolling {total.ToString("N0", CultureInfo.InvariantCulture)} participants…");
        var services = stack.Host.Services;
        var panelId = await CreatePanelAsync(admin, cancellationToken);
        var participantIds = await EnrolAsync(admin, services.GetRequiredService<ParticipantRepository>(), panelId, total, cancellationToken);
        var submissions = Prepare(services.GetRequiredService<LinkSigner>(), panelId, participantIds, settings.Seed);

        // One connection per concurrent request, as browsers of different participants would have.
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = settings.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var web = new HttpClient(handler) { BaseAddress = stack.Host.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
        var ledger = new SubmissionLedger();

        var opens = new LinkOpenTally();
        progress($"Warming up with {settings.Warmup} link opens and submissions…");
        await OpenAsync(web, submissions.Take(settings.Warmup), settings.Concurrency, opens, latencies: null, cancellationToken);
        await SubmitAsync(web, submissions.Take(settings.Warmup), settings.Concurrency, ledger, latencies: null, cancellationToken);

        var table = new TableServiceClient(stack.StorageConnectionString);
        var participantsTable = table.GetTableClient(StorageNames.ParticipantsTable);
        await ReadBareAsync(participantsTable, submissions.Take(settings.Warmup), settings.Concurrency, latencies: null, cancellationToken);
        var measured = submissions.Skip(settings.Warmup).ToList();
        var open = await TimeOpensAsync(web, participantsTable, measured, settings.Concurrency, opens, progress, cancellationToken);

        var baselineTable = table.GetTableClient("benchbaseline" + panelId.ToLowerInvariant());
        await baselineTable.CreateIfNotExistsAsync(cancellationToken);
        await WriteBareAsync(baselineTable, submissions.Take(settings.Warmup), settings.Concurrency, latencies: null, cancellationToken);

        progress($"Timing {settings.Submissions.ToString("N0", CultureInfo.InvariantCulture)} bare single-entity writes and {settings.Submissions.ToString("N0", CultureInfo.InvariantCulture)} form submissions over HTTP at concurrency {settings.Concurrency}, in {Rounds} alternating rounds…");
        var (tracker, baseline) = await AlternateAsync(
            measured,
            (round, latencies) => WriteBareAsync(baselineTable, round, settings.Concurrency, latencies, cancellationToken),
            (round, latencies) => SubmitAsync(web, round, settings.Concurrency, ledger, latencies, cancellationToken));
        await table.DeleteTableAsync(baselineTable.Name, cancellationToken);

        progress("Reading the responses table back…");
        var accounting = await AccountAsync(table.GetTableClient(StorageNames.ResponsesTable), panelId, submissions, ledger, cancellationToken);
        return new IngestReport(settings, tracker, baseline, ledger.StatusCounts(), ledger.TransportErrors, accounting) { Open = open };
    }

    /// <summary>
    /// The baseline and Tracker's path over the same participants in <see cref="Rounds"/> alternating rounds, each timed
    /// on its own: the machine's load drifts (other processes, Azurite's own housekeeping), and timing the two turn about
    /// spreads that drift over both instead of handing it all to whichever ran second.
    /// </summary>
    private static async Task<(PhaseResult Tracker, PhaseResult Baseline)> AlternateAsync(IReadOnlyList<Submission> measured, Func<Submission[], ConcurrentBag<long>, Task> bare, Func<Submission[], ConcurrentBag<long>, Task> tracker)
    {
        var baselineLatencies = new ConcurrentBag<long>();
        var trackerLatencies = new ConcurrentBag<long>();
        var baselineElapsed = TimeSpan.Zero;
        var trackerElapsed = TimeSpan.Zero;
        foreach (var round in measured.Chunk((measured.Count + Rounds - 1) / Rounds))
        {
            var clock = Stopwatch.StartNew();
            await bare(round, baselineLatencies);
            baselineElapsed += clock.Elapsed;
            clock.Restart();
            await tracker(round, trackerLatencies);
            trackerElapsed += clock.Elapsed;
        }

        return (PhaseResult.From(trackerLatencies, trackerElapsed), PhaseResult.From(baselineLatencies, baselineElapsed));
    }

    /// <summary>
    /// Each measured participant opens their link (the form served, as a phone would GET it) before answering, timed
    /// against a bare point read of the participant's row, in alternating rounds as the submissions are.
    /// </summary>
    private static async Task<LinkOpenResult> TimeOpensAsync(HttpClient web, TableClient participants, IReadOnlyList<Submission> measured, int concurrency, LinkOpenTally opens, Action<string> progress, CancellationToken cancellationToken)
    {
        progress($"Timing {measured.Count.ToString("N0", CultureInfo.InvariantCulture)} bare point reads and {measured.Count.ToString("N0", CultureInfo.InvariantCulture)} link opens over HTTP at concurrency {concurrency}, in {Rounds} alternating rounds…");
        var (tracker, baseline) = await AlternateAsync(
            measured,
            (round, latencies) => ReadBareAsync(participants, round, concurrency, latencies, cancellationToken),
            (round, latencies) => OpenAsync(web, round, concurrency, opens, latencies, cancellationToken));
        return new LinkOpenResult(tracker, baseline, opens.StatusCounts(), opens.FormsServed, opens.TransportErrors);
    }

    /// <summary>GETs each submission's link, as the participant's browser does before answering, recording what came back.</summary>
    public static Task OpenAsync(HttpClient web, IEnumerable<Submission> submissions, int concurrency, LinkOpenTally opens, ConcurrentBag<long>? latencies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opens);
        return Parallel.ForEachAsync(submissions, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (submission, ct) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await web.GetAsync(submission.Path, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                latencies?.Add(Stopwatch.GetTimestamp() - started);
                opens.Record((int)response.StatusCode, body);
            }
            catch (HttpRequestException)
            {
                opens.RecordTransportError();
            }
        });
    }

    /// <summary>The least a link's GET must do: one point read of the participant's row, the same entity Tracker reads first.</summary>
    private static Task ReadBareAsync(TableClient participants, IEnumerable<Submission> submissions, int concurrency, ConcurrentBag<long>? latencies, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(submissions, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (submission, ct) =>
        {
            var started = Stopwatch.GetTimestamp();
            await participants.GetEntityAsync<TableEntity>(submission.PanelId, submission.ParticipantId, cancellationToken: ct);
            latencies?.Add(Stopwatch.GetTimestamp() - started);
        });

    /// <summary>Compares the wave's stored rows with the ledger of what each participant was answered.</summary>
    public static async Task<IngestAccounting> AccountAsync(TableClient responses, string panelId, IReadOnlyList<Submission> submissions, SubmissionLedger ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(submissions);
        ArgumentNullException.ThrowIfNull(ledger);
        var posted = submissions.ToDictionary(s => s.ParticipantId, StringComparer.Ordinal);
        var acknowledged = ledger.Acknowledged();
        var stored = new Dictionary<string, ResponseEntity>(StringComparer.Ordinal);
        var partition = ResponseEntity.Partition(panelId, Wave);
        await foreach (var row in responses.QueryAsync<ResponseEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            stored[row.RowKey] = row;
        }

        var mismatched = stored.Count(kv => !posted.TryGetValue(kv.Key, out var submission) || !SameAnswers(submission.Answers, kv.Value.AnswersJson));
        return new IngestAccounting(
            acknowledged.Count,
            stored.Count,
            Missing: acknowledged.Count(id => !stored.ContainsKey(id)),
            Unacknowledged: stored.Keys.Count(id => !acknowledged.Contains(id)),
            Mismatched: mismatched,
            Rewritten: stored.Values.Count(r => r.Revision != 1));
    }

    /// <summary>Posts each submission's form to its participant's link, recording the answer in the ledger.</summary>
    public static Task SubmitAsync(HttpClient web, IEnumerable<Submission> submissions, int concurrency, SubmissionLedger ledger, ConcurrentBag<long>? latencies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return Parallel.ForEachAsync(submissions, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (submission, ct) =>
        {
            using var form = new FormUrlEncodedContent(submission.Answers.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value.ToString(CultureInfo.InvariantCulture))));
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await web.PostAsync(submission.Path, form, ct);
                await response.Content.LoadIntoBufferAsync(ct);
                latencies?.Add(Stopwatch.GetTimestamp() - started);
                ledger.Record(submission.ParticipantId, (int)response.StatusCode);
            }
            catch (HttpRequestException)
            {
                // No answer at all: the participant was told nothing, so nothing may be counted as acknowledged.
                ledger.RecordTransportError();
            }
        });
    }

    private static Task WriteBareAsync(TableClient table, IEnumerable<Submission> submissions, int concurrency, ConcurrentBag<long>? latencies, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(submissions, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (submission, ct) =>
        {
            // The same entity Tracker stores for a submission, serialised the same way, so only the path around it differs.
            var now = TimeProvider.System.GetUtcNow();
            var entity = new ResponseEntity
            {
                PartitionKey = ResponseEntity.Partition(submission.PanelId, Wave),
                RowKey = submission.ParticipantId,
                AnswersJson = JsonSerializer.Serialize(submission.Answers),
                ScoresJson = JsonSerializer.Serialize(Tracker.Engine.Scoring.ConstructScorer.Score(DefaultInstrument.Instance, submission.Answers)),
                FirstSubmittedAt = now,
                SubmittedAt = now,
                Revision = 1,
            };
            var started = Stopwatch.GetTimestamp();
            await table.AddEntityAsync(entity, ct);
            latencies?.Add(Stopwatch.GetTimestamp() - started);
        });

    private static bool SameAnswers(IReadOnlyDictionary<string, int> posted, string storedJson)
    {
        var stored = JsonSerializer.Deserialize<Dictionary<string, int>>(storedJson) ?? [];
        return stored.Count == posted.Count && posted.All(kv => stored.TryGetValue(kv.Key, out var value) && value == kv.Value);
    }

    /// <summary>A one-wave panel through the admin API, open from now for six days.</summary>
    public static async Task<string> CreatePanelAsync(HttpClient admin, CancellationToken cancellationToken)
    {
        // Starting now with a week-long window: wave 1 is open for the whole run.
        var created = await admin.PostAsJsonAsync("api/panels", new
        {
            name = "Ingest benchmark",
            instrument = "default",
            schedule = new { start = TimeProvider.System.GetUtcNow(), waves = 1, interval = "P7D", window = "P6D" },
        }, cancellationToken);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return created.IsSuccessStatusCode
            ? body.GetProperty("id").GetString()!
            : throw new InvalidOperationException($"Creating the benchmark panel failed: {(int)created.StatusCode} {body}");
    }

    /// <summary>Enrols <paramref name="count"/> made-up participants through the admin API and returns their pseudonymous ids.</summary>
    public static async Task<IReadOnlyList<string>> EnrolAsync(HttpClient admin, ParticipantRepository repository, string panelId, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(repository);
        var csv = new StringBuilder("email,external_id\n");
        for (var i = 1; i <= count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"bench-{i}@example.invalid,bench-{i}\n");
        }

        using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        using var import = await admin.PostAsync($"api/panels/{panelId}/participants", content, cancellationToken);
        if (!import.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Enrolling the benchmark participants failed: {(int)import.StatusCode} {await import.Content.ReadAsStringAsync(cancellationToken)}");
        }

        var participants = await repository.ListAsync(panelId, cancellationToken);
        return participants.Count == count
            ? participants.Select(p => p.Id).ToList()
            : throw new InvalidOperationException($"Expected {count} enrolled participants, found {participants.Count}.");
    }

    /// <summary>One submission per participant, with the personal link signed by the app's own signer and seeded answers.</summary>
    public static List<Submission> Prepare(LinkSigner signer, string panelId, IReadOnlyList<string> participantIds, int seed)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(participantIds);
        var expires = TimeProvider.System.GetUtcNow().AddDays(30);
        var random = new Random(seed);
        var scale = DefaultInstrument.Instance.Scale;
        return participantIds.Select(id => new Submission(
            panelId,
            id,
            $"api/{ParticipantLinks.SurveyRoute}/{signer.Sign(new LinkToken(panelId, id, Wave, expires))}",
            DefaultInstrument.Instance.Items.ToDictionary(item => item.Id, _ => random.Next(scale.Min, scale.Max + 1), StringComparer.Ordinal))).ToList();
    }
}
