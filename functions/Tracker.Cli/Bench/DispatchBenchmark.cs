using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using Tracker.Functions;
using Tracker.LocalHost.App;
using Tracker.LocalHost.Stack;
using Tracker.Engine.Configuration;
using Tracker.Engine.Email;
using Tracker.Engine.Invitations;
using Tracker.Engine.Links;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Storage;

namespace Tracker.Cli.Bench;

/// <summary>
/// A wave's invitations sent by Tracker through its real path — the dispatch timer's planner, the dispatch queue, and
/// SendDispatchBatch claiming, sending and marking each ledger row — timed from the planner run until every ledger row
/// is <c>sent</c>, against a bare MailKit loop sending as many messages of the same size to the same server: smtp4dev,
/// or with <c>--sink</c> the in-process <see cref="DispatchSink"/>, which is fast enough to show Tracker's own ceiling;
/// and against the ledger work alone (<see cref="DispatchLedgerBaseline"/>), the ceiling storage sets.
/// </summary>
/// <param name="inbox">The server the stack sends to, for counting and reading what arrived.</param>
public sealed class DispatchBenchmark(TrackerStack stack, IDispatchInbox inbox)
{
    private const int Wave = 1;

    // Generous: a stalled run must end with a report, not hang a terminal or CI job.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan InboxPollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan FirstMessagePollInterval = TimeSpan.FromMilliseconds(2);

    // Released claims are sent only after the timer plans them again, which the ledger loop does: stop watching the inbox.
    private static readonly TimeSpan StalledInbox = TimeSpan.FromSeconds(5);

    /// <param name="progress">Told what the benchmark is doing (a line per step); not timed.</param>
    public async Task<DispatchBenchReport> RunAsync(DispatchBenchSettings settings, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        using var admin = stack.Host.CreateClient(withAdminKey: true);
        var services = stack.Host.Services;
        var connections = services.GetRequiredService<SmtpMailer>().MaxConnections;
        var batchSize = services.GetRequiredService<IOptionsMonitor<TrackerOptions>>().CurrentValue.DispatchBatchSize;
        var ledger = new TableClient(stack.StorageConnectionString, StorageNames.InvitationsTable);

        progress($"Warming up: a {settings.Warmup}-participant wave through Tracker and {settings.Warmup} bare messages…");
        var warmPanel = await IngestBenchmark.CreatePanelAsync(admin, cancellationToken);
        await IngestBenchmark.EnrolAsync(admin, services.GetRequiredService<ParticipantRepository>(), warmPanel, settings.Warmup, cancellationToken);
        await SendWaveAsync(ledger, warmPanel, settings.Warmup, cancellationToken);

        progress($"Creating a panel and enrolling {settings.Participants.ToString("N0", CultureInfo.InvariantCulture)} participants…");
        var panelId = await IngestBenchmark.CreatePanelAsync(admin, cancellationToken);
        var participantIds = await IngestBenchmark.EnrolAsync(admin, services.GetRequiredService<ParticipantRepository>(), panelId, settings.Participants, cancellationToken);
        var template = await TemplateAsync(panelId, participantIds[0], cancellationToken);
        await SendBareAsync("warm-up", template, settings.Warmup, connections, "warm", cancellationToken);

        await inbox.ClearAsync(cancellationToken);
        progress($"Bare MailKit loop: {settings.Participants.ToString("N0", CultureInfo.InvariantCulture)} messages over one connection…");
        var bareOne = await SendBareAsync("bare MailKit, 1 connection", template, settings.Participants, 1, "one", cancellationToken);
        await inbox.ExpectReceivedAsync(settings.Participants, cancellationToken);

        await inbox.ClearAsync(cancellationToken);
        progress($"Bare MailKit loop: {settings.Participants.ToString("N0", CultureInfo.InvariantCulture)} messages over {connections} connections (as many as Tracker's pool)…");
        var barePooled = await SendBareAsync($"bare MailKit, {connections} connections", template, settings.Participants, connections, "pool", cancellationToken);
        await inbox.ExpectReceivedAsync(settings.Participants, cancellationToken);

        await inbox.ClearAsync(cancellationToken);
        progress($"Tracker: the dispatch timer's planner, the queue and SendDispatchBatch, until all {settings.Participants.ToString("N0", CultureInfo.InvariantCulture)} ledger rows are sent…");
        var timing = await SendWaveAsync(ledger, panelId, settings.Participants, cancellationToken, inbox);
        var tracker = new SmtpPhase($"Tracker (planner + queue + SendDispatchBatch, {connections} connections)", connections, settings.Participants, timing.Elapsed);

        var parallelism = stack.Host.HostJson.BatchSize;
        progress($"Ledger only: insert, claim and mark {settings.Participants.ToString("N0", CultureInfo.InvariantCulture)} rows, one transaction each per {batchSize}, {parallelism} batches at once, no SMTP…");
        var ledgerOnly = await DispatchLedgerBaseline.RunAsync(ledger, settings.Participants, batchSize, parallelism, cancellationToken);

        progress($"Reading the ledger and every message {inbox.Name} received…");
        var accounting = await AccountAsync(ledger, inbox, panelId, settings.Participants, cancellationToken);
        return new DispatchBenchReport(settings, bareOne, barePooled, tracker, parallelism, batchSize, accounting) { LedgerOnly = ledgerOnly, TrackerTiming = timing };
    }

    /// <summary>
    /// Runs the dispatch timer's function once (what the timer does when it fires) and waits until the wave's ledger has
    /// a <c>sent</c> row per participant. Rows released after a transient failure are planned again by another run, as the
    /// next timer tick would; a failed row ends the wait (it will never be sent).
    /// </summary>
    /// <param name="inbox">
    /// A server that counts for free (the in-process sink): the wait watches its count, and polls the ledger only once
    /// it holds every message or has stopped growing, so the benchmark's own queries do not compete with Tracker's for
    /// Azurite while the wave is sent. Each row is marked after its message is received, so the ledger still decides.
    /// </param>
    public async Task<DispatchWaveTiming> SendWaveAsync(TableClient ledger, string panelId, int participants, CancellationToken cancellationToken, IDispatchInbox? inbox = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var partition = InvitationEntity.Partition(panelId, Wave);
        var clock = Stopwatch.StartNew();
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var first = inbox?.ReceivedCount is null ? Task.FromResult<TimeSpan?>(null) : FirstMessageAsync(inbox, clock, watching.Token);
        try
        {
            await stack.Host.InvokeAsync(nameof(DispatchDueWaves), cancellationToken: cancellationToken);
            var planned = clock.Elapsed;
            var elapsed = await WaitUntilSentAsync(ledger, partition, participants, clock, inbox, cancellationToken);
            await watching.CancelAsync();
            return new DispatchWaveTiming(elapsed, planned, await first);
        }
        finally
        {
            // However the wait ends (a failed row, the patience running out), the watcher stops with it.
            await watching.CancelAsync();
        }
    }

    /// <summary>Waits until the wave's ledger has a <c>sent</c> row per participant (see <see cref="SendWaveAsync"/>); returns when.</summary>
    private async Task<TimeSpan> WaitUntilSentAsync(TableClient ledger, string partition, int participants, Stopwatch clock, IDispatchInbox? inbox, CancellationToken cancellationToken)
    {
        if (inbox?.ReceivedCount is not null) await WatchInboxAsync(inbox, participants, clock, cancellationToken);
        while (true)
        {
            // Only the rows not yet sent come back, so polling costs Azurite little while Tracker is writing to it.
            var pending = new List<string>();
            await foreach (var row in ledger.QueryAsync<TableEntity>($"PartitionKey eq '{partition}' and State ne '{LedgerEntity.Sent}'", select: ["State"], cancellationToken: cancellationToken))
            {
                pending.Add(row.GetString("State"));
            }

            if (pending.Count == 0)
            {
                var rows = await CountRowsAsync(ledger, partition, cancellationToken);
                if (rows >= participants) return clock.Elapsed;

                // Some claims were released after a transient failure: the timer's next run plans them again.
                await stack.Host.InvokeAsync(nameof(DispatchDueWaves), cancellationToken: cancellationToken);
            }
            else if (pending.Contains(LedgerEntity.Failed))
            {
                throw new InvalidOperationException($"{pending.Count(s => s == LedgerEntity.Failed)} invitations failed; the SMTP server refused them (see the ledger's Error column).");
            }

            if (clock.Elapsed > Patience)
            {
                throw new TimeoutException($"The wave was not sent within {Patience}: {pending.Count} ledger rows are not sent.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>When the inbox first held a message (polled every few milliseconds), or null when watching ended first.</summary>
    private static async Task<TimeSpan?> FirstMessageAsync(IDispatchInbox inbox, Stopwatch clock, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (inbox.ReceivedCount > 0) return clock.Elapsed;
            try
            {
                await Task.Delay(FirstMessagePollInterval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>Waits while the inbox grows towards <paramref name="participants"/> messages (and gives up on it after a stall).</summary>
    private static async Task WatchInboxAsync(IDispatchInbox inbox, int participants, Stopwatch clock, CancellationToken cancellationToken)
    {
        var last = -1;
        var grewAt = clock.Elapsed;
        while (inbox.ReceivedCount is { } count && count < participants && clock.Elapsed - grewAt < StalledInbox && clock.Elapsed < Patience)
        {
            if (count != last) (last, grewAt) = (count, clock.Elapsed);
            await Task.Delay(InboxPollInterval, cancellationToken);
        }
    }

    /// <summary>The invitation Tracker would send the participant, composed by Tracker's own composer, as the bare loop's template.</summary>
    private async Task<MimeMessage> TemplateAsync(string panelId, string participantId, CancellationToken cancellationToken)
    {
        var services = stack.Host.Services;
        var panel = await services.GetRequiredService<PanelRepository>().GetAsync(panelId, cancellationToken)
            ?? throw new InvalidOperationException($"The benchmark panel {panelId} is missing.");
        var repository = services.GetRequiredService<ParticipantRepository>();
        var participant = await repository.GetAsync(panelId, participantId, cancellationToken) ?? throw new InvalidOperationException("A benchmark participant is missing.");
        var contact = await repository.GetContactAsync(panelId, participantId, cancellationToken) ?? throw new InvalidOperationException("A benchmark contact is missing.");
        var links = services.GetRequiredService<ParticipantLinks>();
        var sender = services.GetRequiredService<SmtpMailer>().Sender;
        return InvitationComposer.Compose(services.GetRequiredService<IEmailBodyRenderer>(), panel, participant, Wave, MessageKind.Invite, sender, contact.Email, links.SurveyLink(panel, participant, Wave), links.OptOutLink(panel, participant, Wave));
    }

    /// <summary>
    /// The baseline: <paramref name="count"/> copies of the template, each with its own recipient and Message-ID (so the
    /// size stays Tracker's), sent by <paramref name="connections"/> MailKit clients each holding one connection open.
    /// </summary>
    private async Task<SmtpPhase> SendBareAsync(string name, MimeMessage template, int count, int connections, string prefix, CancellationToken cancellationToken)
    {
        using var source = new MemoryStream();
        await template.WriteToAsync(source, cancellationToken);
        var bytes = source.ToArray();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            using var smtp = new SmtpClient();
            await smtp.ConnectAsync(stack.SmtpHost, stack.SmtpPort, SecureSocketOptions.None, cancellationToken);
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                message.To.Clear();
                message.To.Add(MailboxAddress.Parse(string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i}@example.invalid")));
                message.MessageId = string.Create(CultureInfo.InvariantCulture, $"{prefix}.{i}@example.org");
                await smtp.SendAsync(message, cancellationToken);
            }

            await smtp.DisconnectAsync(true, cancellationToken);
        }));
        return new SmtpPhase(name, connections, count, clock.Elapsed);
    }

    private static async Task<DispatchAccounting> AccountAsync(TableClient ledger, IDispatchInbox inbox, string panelId, int participants, CancellationToken cancellationToken)
    {
        var partition = InvitationEntity.Partition(panelId, Wave);
        var states = new Dictionary<string, int>(StringComparer.Ordinal);
        var ledgerIds = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in ledger.QueryAsync<InvitationEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            states[row.State] = states.GetValueOrDefault(row.State) + 1;
            ledgerIds.Add(row.MessageId);
        }

        var messages = await inbox.ReadAsync(cancellationToken);
        var distinct = messages.Select(m => m.MessageId).ToHashSet(StringComparer.Ordinal);
        return new DispatchAccounting(
            participants,
            states,
            messages.Count,
            distinct.Count,
            messages.SelectMany(m => m.Recipients).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
            distinct.Count(id => !ledgerIds.Contains(id)));
    }

    private static async Task<int> CountRowsAsync(TableClient ledger, string partition, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in ledger.QueryAsync<TableEntity>($"PartitionKey eq '{partition}'", select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }
}
