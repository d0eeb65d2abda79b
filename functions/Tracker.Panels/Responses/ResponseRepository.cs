using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Tracker.Panels.Storage;

namespace Tracker.Panels.Responses;

/// <summary>
/// One row per participant × wave. Writes are conditional: the first insert must not exist yet, a replacement must
/// match the ETag it read, so two submissions racing each other cannot silently lose one or duplicate either.
/// </summary>
public sealed class ResponseRepository
{
    private readonly TrackerStorage storage;
    private readonly ResponseInsertBatcher inserts = new();

    public ResponseRepository(TrackerStorage storage) => this.storage = storage;

    private TableClient Table => storage.Table(StorageNames.ResponsesTable);

    public async Task<(StoredResponse? Response, ETag ETag)> GetAsync(string panelId, int wave, string participantId, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var result = await Table.GetEntityIfExistsAsync<ResponseEntity>(ResponseEntity.Partition(panelId, wave), participantId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.HasValue ? (FromEntity(panelId, wave, result.Value!), result.Value!.ETag) : (null, default);
    }

    /// <summary>Saves the answers as the participant's current response; retries on a lost race so the latest submission wins.</summary>
    public async Task<StoredResponse> SaveAsync(
        string panelId,
        int wave,
        string participantId,
        IReadOnlyDictionary<string, int> answers,
        IReadOnlyDictionary<string, double?> scores,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);

        // Most submissions are a participant's first: insert straight away (one round trip instead of a read and a write).
        // Insert fails if a row exists, so this cannot overwrite anything; only then is the row read and replaced.
        // Concurrent first submissions to one wave share a transaction (ResponseInsertBatcher): far fewer round trips under load.
        var firstTry = Entity(panelId, wave, participantId, answers, scores, now, existing: null);
        if (await inserts.InsertAsync(Table, firstTry, cancellationToken).ConfigureAwait(false))
        {
            return FromEntity(panelId, wave, firstTry);
        }

        // An earlier submission (or this one, committed but its answer lost and retried by the SDK) holds the row.

        for (var attempt = 0; ; attempt++)
        {
            var (existing, etag) = await GetAsync(panelId, wave, participantId, cancellationToken).ConfigureAwait(false);
            var entity = Entity(panelId, wave, participantId, answers, scores, now, existing);
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

                return FromEntity(panelId, wave, entity);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < 5)
            {
                // Another submission of the same participant landed in between; read again and replace it.
            }
        }
    }

    public async Task<int> CountAsync(string panelId, int wave, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var partition = ResponseEntity.Partition(panelId, wave);
        var count = 0;
        await foreach (var _ in Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    /// <summary>Deletes the participant's response to each wave (erasure); returns how many rows there were.</summary>
    public async Task<int> DeleteAsync(string panelId, string participantId, int waves, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var deleted = 0;
        for (var wave = 1; wave <= waves; wave++)
        {
            using var response = await Table.DeleteEntityAsync(ResponseEntity.Partition(panelId, wave), participantId, ETag.All, cancellationToken).ConfigureAwait(false);
            if (response.Status != 404) deleted++;
        }

        return deleted;
    }

    /// <summary>Who has answered the wave and when they first did, without reading the answers.</summary>
    public async Task<Dictionary<string, DateTimeOffset>> RespondentsAsync(string panelId, int wave, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var partition = ResponseEntity.Partition(panelId, wave);
        var respondents = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await foreach (var e in Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey", nameof(ResponseEntity.FirstSubmittedAt)], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            respondents[e.RowKey] = e.GetDateTimeOffset(nameof(ResponseEntity.FirstSubmittedAt)) ?? default;
        }

        return respondents;
    }

    public async IAsyncEnumerable<StoredResponse> ListAsync(string panelId, int wave, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var partition = ResponseEntity.Partition(panelId, wave);
        await foreach (var entity in Table.QueryAsync<ResponseEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return FromEntity(panelId, wave, entity);
        }
    }

    private static ResponseEntity Entity(
        string panelId,
        int wave,
        string participantId,
        IReadOnlyDictionary<string, int> answers,
        IReadOnlyDictionary<string, double?> scores,
        DateTimeOffset now,
        StoredResponse? existing) => new()
        {
            PartitionKey = ResponseEntity.Partition(panelId, wave),
            RowKey = participantId,
            AnswersJson = JsonSerializer.Serialize(answers),
            ScoresJson = JsonSerializer.Serialize(scores),
            FirstSubmittedAt = existing?.FirstSubmittedAt ?? now,
            SubmittedAt = now,
            Revision = (existing?.Revision ?? 0) + 1,
        };

    private static StoredResponse FromEntity(string panelId, int wave, ResponseEntity entity) => new(
        panelId,
        wave,
        entity.RowKey,
        JsonSerializer.Deserialize<Dictionary<string, int>>(entity.AnswersJson) ?? [],
        JsonSerializer.Deserialize<Dictionary<string, double?>>(entity.ScoresJson) ?? [],
        entity.FirstSubmittedAt,
        entity.SubmittedAt,
        entity.Revision);
}
