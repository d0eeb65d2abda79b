using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Tracker.Engine.Configuration;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Email;

/// <summary>
/// One send rate (<c>Smtp:MessagesPerSecond</c>) for the whole app, however many instances Flex Consumption runs: a
/// token bucket in one table row per SMTP account (<see cref="SendRateEntity"/>), refilled from the elapsed time and
/// taken from with ETag-conditional updates. An instance takes a small block at a time (about 100 ms of sending) to
/// save round trips, and may use a block only for the time it stands for: a holder that crashes or stalls loses at
/// most one block (the row itself holds nothing for it, so nothing stays taken), and cannot spend old tokens later as
/// a burst. Over any window of W seconds every instance together sends at most <c>rate × W + 2 × block</c> messages.
/// </summary>
public sealed class GlobalSendRate : IDisposable
{
    private readonly TrackerStorage storage;
    private readonly TimeProvider clock;
    private readonly double rate;
    private readonly string account;
    private readonly SemaphoreSlim gate = new(1, 1);
    private int held;
    private DateTimeOffset heldUntil;

    /// <param name="clock">Wall time in the app (a provider's quota is in real seconds); tests pass a fake one.</param>
    public GlobalSendRate(TrackerStorage storage, IOptions<SmtpOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.storage = storage;
        this.clock = clock;
        rate = options.Value.MessagesPerSecond;
        Block = rate > 0 ? Math.Max(1, (int)Math.Ceiling(rate / 10)) : 0;
        account = Account(options.Value);
    }

    /// <summary>Off when no rate is set (<c>MessagesPerSecond</c> 0 means unlimited).</summary>
    public bool Enabled => rate > 0;

    /// <summary>How many tokens one round trip takes, and the most the bucket holds (the largest burst).</summary>
    public int Block { get; }

    /// <summary>The bucket's row key: the SMTP account (host, port, user) hashed, so the table names no server or user.</summary>
    public static string Account(SmtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = $"{options.Host.ToLowerInvariant()}:{options.Port}:{options.UserName}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..32];
    }

    public void Dispose() => gate.Dispose();

    /// <summary>Waits (on the app's clock) until a token is taken; returns at once when no rate is set.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        if (!Enabled) return;
        while (true)
        {
            var wait = await TryTakeAsync(cancellationToken).ConfigureAwait(false);
            if (wait == TimeSpan.Zero) return;
            await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes one token: <see cref="TimeSpan.Zero"/> when taken, otherwise how long until the bucket should have one.</summary>
    public async Task<TimeSpan> TryTakeAsync(CancellationToken cancellationToken)
    {
        if (!Enabled) return TimeSpan.Zero;
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = clock.GetUtcNow();
            if (held > 0 && now < heldUntil)
            {
                held--;
                return TimeSpan.Zero;
            }

            held = 0;
            var (taken, wait) = await TakeBlockAsync(now, cancellationToken).ConfigureAwait(false);
            if (taken == 0) return wait;
            held = taken - 1;
            heldUntil = now + TimeSpan.FromSeconds(taken / rate);
            return TimeSpan.Zero;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<(int Taken, TimeSpan Wait)> TakeBlockAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var table = storage.Table(StorageNames.SendRateTable);
        while (true)
        {
            var existing = await table.GetEntityIfExistsAsync<SendRateEntity>(SendRateEntity.Partition, account, cancellationToken: cancellationToken).ConfigureAwait(false);
            var bucket = existing.HasValue
                ? existing.Value!
                : new SendRateEntity { PartitionKey = SendRateEntity.Partition, RowKey = account, Tokens = Block, RefilledAt = now };

            // An instance whose clock is behind the last refill adds nothing rather than taking time back.
            var elapsed = Math.Max(0, (now - bucket.RefilledAt).TotalSeconds);
            var tokens = Math.Min(Block, bucket.Tokens + (elapsed * rate));
            var take = Math.Min(Block, (int)Math.Floor(tokens));
            if (take == 0) return (0, TimeSpan.FromSeconds(Math.Max(1 - tokens, 0.001) / rate));

            bucket.Tokens = tokens - take;
            if (now > bucket.RefilledAt) bucket.RefilledAt = now;
            try
            {
                if (existing.HasValue)
                {
                    await table.UpdateEntityAsync(bucket, bucket.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.AddEntityAsync(bucket, cancellationToken).ConfigureAwait(false);
                }

                return (take, TimeSpan.Zero);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another instance took from the bucket first: read it again.
            }
        }
    }
}
