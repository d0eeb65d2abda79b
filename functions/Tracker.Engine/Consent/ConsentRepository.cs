using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Tracker.Engine.Common;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Consent;

/// <summary>
/// The <c>consents</c> table: each version's text (kept after a newer one replaces it) and each participant's decision
/// on each version. A decision is written once: the first answer to a version stands (a second post changes nothing).
/// </summary>
public sealed class ConsentRepository(TrackerStorage storage)
{
    private TableClient Table => storage.Table(StorageNames.ConsentsTable);

    /// <summary>Stores the version's text unless that version is stored already; returns the stored version either way.</summary>
    public async Task<ConsentVersion> AddVersionAsync(string panelId, PanelConsent consent, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consent);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entity = new ConsentEntity
        {
            PartitionKey = panelId,
            RowKey = ConsentEntity.VersionKey(consent.Version),
            Version = consent.Version,
            TextJson = JsonSerializer.Serialize(consent.Text),
            TitleJson = consent.Title is null ? null : JsonSerializer.Serialize(consent.Title),
            IntroducedAt = at,
        };
        try
        {
            await Table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return ToVersion(entity);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await GetVersionAsync(panelId, consent.Version, cancellationToken).ConfigureAwait(false) ?? ToVersion(entity);
        }
    }

    public async Task<ConsentVersion?> GetVersionAsync(string panelId, string version, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = await Table.GetEntityIfExistsAsync<ConsentEntity>(panelId, ConsentEntity.VersionKey(version), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? ToVersion(row.Value!) : null;
    }

    /// <summary>Every version the panel has asked for, oldest first.</summary>
    public async Task<IReadOnlyList<ConsentVersion>> ListVersionsAsync(string panelId, CancellationToken cancellationToken)
    {
        var versions = new List<ConsentVersion>();
        await foreach (var row in QueryAsync(panelId, ConsentEntity.VersionPrefix, cancellationToken).ConfigureAwait(false)) versions.Add(ToVersion(row));
        return versions.OrderBy(v => v.IntroducedAt).ThenBy(v => v.Version, StringComparer.Ordinal).ToList();
    }

    public async Task<ConsentRecord?> GetDecisionAsync(string panelId, string participantId, string version, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = await Table.GetEntityIfExistsAsync<ConsentEntity>(panelId, ConsentEntity.DecisionKey(participantId, version), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? ToRecord(row.Value!) : null;
    }

    /// <summary>Writes the decision unless one for that participant and version exists; returns the decision that stands.</summary>
    public async Task<ConsentRecord> RecordAsync(string panelId, ConsentRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entity = new ConsentEntity
        {
            PartitionKey = panelId,
            RowKey = ConsentEntity.DecisionKey(record.ParticipantId, record.Version),
            Version = record.Version,
            ParticipantId = record.ParticipantId,
            Decision = ConsentDecisions.Name(record.Decision),
            TextHash = record.TextHash,
            DecidedAt = record.DecidedAt,
            Language = record.Language,
            Wave = record.Wave,
        };
        try
        {
            await Table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return record;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await GetDecisionAsync(panelId, record.ParticipantId, record.Version, cancellationToken).ConfigureAwait(false) ?? record;
        }
    }

    /// <summary>Every decision recorded in the panel, ordered by time.</summary>
    public async Task<IReadOnlyList<ConsentRecord>> ListDecisionsAsync(string panelId, CancellationToken cancellationToken)
    {
        var records = new List<ConsentRecord>();
        await foreach (var row in QueryAsync(panelId, ConsentEntity.DecisionPrefix, cancellationToken).ConfigureAwait(false)) records.Add(ToRecord(row));
        return records.OrderBy(r => r.DecidedAt).ThenBy(r => r.ParticipantId, StringComparer.Ordinal).ToList();
    }

    private async IAsyncEnumerable<ConsentEntity> QueryAsync(string panelId, string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        // '|' + 1 is '}': the prefix's rows and no others.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {panelId} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");
        await foreach (var row in Table.QueryAsync<ConsentEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false)) yield return row;
    }

    private static ConsentVersion ToVersion(ConsentEntity row) => new(
        row.Version,
        JsonSerializer.Deserialize<LocalizedText>(row.TextJson ?? "\"\"") ?? LocalizedText.Of(""),
        row.TitleJson is { } title ? JsonSerializer.Deserialize<LocalizedText>(title) : null,
        row.IntroducedAt ?? row.Timestamp ?? DateTimeOffset.MinValue);

    private static ConsentRecord ToRecord(ConsentEntity row) => new(
        row.ParticipantId ?? "", row.Version, row.TextHash ?? "", ConsentDecisions.FromStored(row.Decision), row.DecidedAt ?? row.Timestamp ?? DateTimeOffset.MinValue, row.Language ?? "", row.Wave ?? 0);
}
