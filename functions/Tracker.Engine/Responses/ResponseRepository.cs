using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Tracker.Engine.Storage;
using Tracker.Engine.Telemetry;

namespace Tracker.Engine.Responses;

/// <summary>
/// One row per participant × wave. Writes are conditional: the first insert must not exist yet, a replacement must
/// match the ETag it read, so two submissions racing each other cannot silently lose one or duplicate either.
/// </summary>
public sealed class ResponseRepository(TrackerStorage storage)
{
    private readonly InsertGroupCommit<ResponseEntity> inserts = new();

    private TableClient Table => storage.Table(StorageNames.ResponsesTable);

    public async Task<(StoredResponse? Response, ETag ETag)> GetAsync(string panelId, int wave, string participantId, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var result = await Table.GetEntityIfExistsAsync<ResponseEntity>(ResponseEntity.Partition(panelId, wave), participantId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.HasValue && !result.Value!.Erased ? (FromEntity(panelId, wave, result.Value!), result.Value!.ETag) : (null, default);
    }

    /// <summary>
    /// Stores <paramref name="draft"/> as the participant's first response to the wave, or returns null when a row is
    /// already there (answers, or an erasure's tombstone) and nothing was written. One round trip, shared with other
    /// first submissions to the wave (<see cref="InsertGroupCommit{TEntity}"/>): the common case needs no read at all.
    /// </summary>
    public async Task<StoredResponse?> TryInsertFirstAsync(string panelId, int wave, string participantId, ResponseDraft draft, DateTimeOffset now, double? secondsToSubmit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entity = Entity(panelId, wave, participantId, draft, now, secondsToSubmit, existing: null);
        if (!await inserts.InsertAsync(Table, entity, cancellationToken).ConfigureAwait(false)) return null;
        EngineTelemetry.ResponseStored(panelId, wave);
        return FromEntity(panelId, wave, entity);
    }

    /// <summary>
    /// Saves the answers as the participant's current response; retries on a lost race so the latest submission wins.
    /// <paramref name="compose"/> is given the stored row (null when there is none) and returns what to write: a page
    /// saved merges with the row it read, and a race re-reads and merges again, so one page never erases another's
    /// answers. Returns null when the participant's answers were erased (a tombstone holds the row): erasure wins over
    /// any submission, even one already queued for group commit when it ran.
    /// </summary>
    /// <param name="secondsToSubmit">Recorded when the response first becomes complete; kept by later edits.</param>
    /// <param name="read">The row as the caller just read it (<see cref="GetAsync"/>), when it holds answers: the first
    /// write then replaces it on that ETag instead of trying an insert and reading it again; a change since is a lost
    /// race like any other.</param>
    public async Task<StoredResponse?> SaveAsync(
        string panelId,
        int wave,
        string participantId,
        Func<StoredResponse?, ResponseDraft> compose,
        DateTimeOffset now,
        double? secondsToSubmit,
        CancellationToken cancellationToken,
        (StoredResponse? Response, ETag ETag) read = default)
    {
        ArgumentNullException.ThrowIfNull(compose);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);

        // Most submissions are a participant's first: insert straight away (one round trip instead of a read and a write).
        // Insert fails if a row exists, so this cannot overwrite anything; only then is the row read and replaced.
        if (read.Response is null && await TryInsertFirstAsync(panelId, wave, participantId, compose(null), now, secondsToSubmit, cancellationToken).ConfigureAwait(false) is { } inserted)
        {
            return inserted;
        }

        // An earlier submission (or this one, committed but its answer lost and retried by the SDK) holds the row.
        (StoredResponse? Response, ETag ETag)? given = read.Response is null ? null : read;
        for (var attempt = 0; ; attempt++)
        {
            var row = given ?? await ReadRowAsync(panelId, wave, participantId, cancellationToken).ConfigureAwait(false);
            given = null;
            if (row is null) return null;
            var (existing, etag) = row.Value;
            var entity = Entity(panelId, wave, participantId, compose(existing), now, secondsToSubmit, existing);
            try
            {
                if (existing is null)
                {
                    await Table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await Table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }

                EngineTelemetry.ResponseStored(panelId, wave);
                return FromEntity(panelId, wave, entity);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < 5)
            {
                // Another submission of the same participant (or an erasure) landed in between; read again and replace it.
            }
        }
    }

    /// <summary>The row to replace and its ETag (no answers: nothing stored), or null when an erasure's tombstone holds it.</summary>
    private async Task<(StoredResponse? Response, ETag ETag)?> ReadRowAsync(string panelId, int wave, string participantId, CancellationToken cancellationToken)
    {
        var stored = await Table.GetEntityIfExistsAsync<ResponseEntity>(ResponseEntity.Partition(panelId, wave), participantId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!stored.HasValue) return (null, default);
        return stored.Value!.Erased ? null : (FromEntity(panelId, wave, stored.Value!), stored.Value!.ETag);
    }

    /// <summary>Saves <paramref name="draft"/> as it is, replacing whatever was stored (a whole response, no merge).</summary>
    public Task<StoredResponse?> SaveAsync(string panelId, int wave, string participantId, ResponseDraft draft, DateTimeOffset now, double? secondsToSubmit, CancellationToken cancellationToken) =>
        SaveAsync(panelId, wave, participantId, _ => draft, now, secondsToSubmit, cancellationToken);

    public async Task<int> CountAsync(string panelId, int wave, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var partition = ResponseEntity.Partition(panelId, wave);
        var count = 0;
        await foreach (var e in Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey", nameof(ResponseEntity.Erased)], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.GetBoolean(nameof(ResponseEntity.Erased)) != true) count++;
        }

        return count;
    }

    /// <summary>
    /// Erasure of the participant's answers: each wave's row is replaced by an empty tombstone (not deleted), so an
    /// insert still queued behind this finds a row and is refused instead of bringing the answers back. Returns how
    /// many waves held answers.
    /// </summary>
    public async Task<int> EraseAsync(string panelId, string participantId, int waves, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var erased = 0;
        for (var wave = 1; wave <= waves; wave++)
        {
            var partition = ResponseEntity.Partition(panelId, wave);
            var stored = await Table.GetEntityIfExistsAsync<TableEntity>(partition, participantId, [nameof(ResponseEntity.Erased)], cancellationToken).ConfigureAwait(false);
            if (stored.HasValue && stored.Value!.GetBoolean(nameof(ResponseEntity.Erased)) != true) erased++;
            var tombstone = new ResponseEntity { PartitionKey = partition, RowKey = participantId, Erased = true, FirstSubmittedAt = now, SubmittedAt = now };
            await Table.UpsertEntityAsync(tombstone, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        return erased;
    }

    /// <summary>
    /// Who has answered the wave and when they first did, without reading the answers; with <paramref name="completeOnly"/>
    /// only those whose response is complete (a partial one — pages saved, the last not submitted — still wants reminders).
    /// </summary>
    public async Task<Dictionary<string, DateTimeOffset>> RespondentsAsync(string panelId, int wave, CancellationToken cancellationToken, bool completeOnly = false)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var partition = ResponseEntity.Partition(panelId, wave);
        var respondents = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await foreach (var e in Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey", nameof(ResponseEntity.FirstSubmittedAt), nameof(ResponseEntity.Erased), nameof(ResponseEntity.Complete)], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.GetBoolean(nameof(ResponseEntity.Erased)) == true) continue;

            // A row without the column was written before pages existed, as one whole submission.
            if (completeOnly && e.GetBoolean(nameof(ResponseEntity.Complete)) == false) continue;
            respondents[e.RowKey] = e.GetDateTimeOffset(nameof(ResponseEntity.FirstSubmittedAt)) ?? default;
        }

        return respondents;
    }

    /// <summary>How many of the wave's responses are partial (pages saved, the last not yet submitted), without reading the answers.</summary>
    public async Task<int> CountPartialAsync(string panelId, int wave, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var partition = ResponseEntity.Partition(panelId, wave);
        var partial = 0;
        await foreach (var e in Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey", nameof(ResponseEntity.Erased), nameof(ResponseEntity.Complete)], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            // A row without the column was written before pages existed, as one whole submission.
            if (e.GetBoolean(nameof(ResponseEntity.Erased)) != true && e.GetBoolean(nameof(ResponseEntity.Complete)) == false) partial++;
        }

        return partial;
    }

    public async IAsyncEnumerable<StoredResponse> ListAsync(string panelId, int wave, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var partition = ResponseEntity.Partition(panelId, wave);
        await foreach (var entity in Table.QueryAsync<ResponseEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.Erased) continue;
            yield return FromEntity(panelId, wave, entity);
        }
    }

    private static ResponseEntity Entity(
        string panelId,
        int wave,
        string participantId,
        ResponseDraft draft,
        DateTimeOffset now,
        double? secondsToSubmit,
        StoredResponse? existing) => new()
        {
            PartitionKey = ResponseEntity.Partition(panelId, wave),
            RowKey = participantId,
            AnswersJson = JsonSerializer.Serialize(draft.Answers.Scale),
            OtherAnswersJson = JsonSerializer.Serialize(draft.Answers.Other),
            ScoresJson = JsonSerializer.Serialize(draft.Scores),
            Complete = draft.Complete,
            LastPage = draft.LastPage,
            FirstSubmittedAt = existing?.FirstSubmittedAt ?? now,
            SubmittedAt = now,
            Revision = (existing?.Revision ?? 0) + 1,

            // The time to submit is a reading speed: the first completion's, never a later edit's (which starts from chosen answers).
            SecondsToSubmit = existing is { Complete: true } ? existing.SecondsToSubmit : draft.Complete ? secondsToSubmit : null,
        };

    private static StoredResponse FromEntity(string panelId, int wave, ResponseEntity entity) => new(
        panelId,
        wave,
        entity.RowKey,
        JsonSerializer.Deserialize<Dictionary<string, int>>(entity.AnswersJson) ?? [],
        JsonSerializer.Deserialize<Dictionary<string, double?>>(entity.ScoresJson) ?? [],
        entity.FirstSubmittedAt,
        entity.SubmittedAt,
        entity.Revision,
        entity.SecondsToSubmit)
    {
        Other = JsonSerializer.Deserialize<Dictionary<string, string>>(entity.OtherAnswersJson) ?? [],
        Complete = entity.Complete,
        LastPage = entity.LastPage,
    };
}
