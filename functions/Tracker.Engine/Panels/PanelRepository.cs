using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Tracker.Engine.Common;
using Tracker.Engine.Instruments;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Panels;

/// <summary>Panels and their wave rows in Table storage.</summary>
public sealed class PanelRepository(TrackerStorage storage)
{
    private TableClient Panels => storage.Table(StorageNames.PanelsTable);

    private TableClient Waves => storage.Table(StorageNames.WavesTable);

    public async Task CreateAsync(Panel panel, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);

        // Wave rows first: a panel row is what makes a panel visible, so it must never exist without its waves.
        foreach (var chunk in Enumerable.Range(1, panel.Schedule.Waves).Chunk(100))
        {
            var actions = chunk.Select(w => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new WaveEntity
            {
                PartitionKey = panel.Id,
                RowKey = WaveEntity.Key(w),
                Number = w,
                OpensAt = panel.Schedule.OpensAt(w),
                ClosesAt = panel.Schedule.ClosesAt(w),
            }));
            await Waves.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }

        await Panels.AddEntityAsync(ToEntity(panel), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores an edited schedule: the panel row under its ETag (false when it changed meanwhile), then the wave rows from
    /// <paramref name="fromWave"/> on, and removes rows of waves the edit dropped.
    /// </summary>
    public async Task<bool> ReplaceScheduleAsync(Panel panel, int fromWave, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var stored = await Panels.GetEntityIfExistsAsync<PanelEntity>(PanelEntity.Partition, panel.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!stored.HasValue) return false;
        var entity = stored.Value!;
        var replacement = ToEntity(panel);
        entity.ScheduleJson = replacement.ScheduleJson;
        entity.ScheduleStart = replacement.ScheduleStart;
        entity.Waves = replacement.Waves;
        entity.Interval = replacement.Interval;
        entity.Window = replacement.Window;
        entity.DataRetentionUntil = replacement.DataRetentionUntil;
        entity.ResearcherEmail = replacement.ResearcherEmail;
        try
        {
            await Panels.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }

        var existing = await GetWavesAsync(panel.Id, cancellationToken).ConfigureAwait(false);
        var actions = Enumerable.Range(fromWave, Math.Max(0, panel.Schedule.Waves - fromWave + 1))
            .Select(w => new TableTransactionAction(TableTransactionActionType.UpsertMerge, new WaveEntity
            {
                PartitionKey = panel.Id,
                RowKey = WaveEntity.Key(w),
                Number = w,
                OpensAt = panel.Schedule.OpensAt(w),
                ClosesAt = panel.Schedule.ClosesAt(w),
            }))
            .Concat(existing.Where(w => w.Number > panel.Schedule.Waves).Select(w => new TableTransactionAction(TableTransactionActionType.Delete, w, ETag.All)))
            .ToList();
        foreach (var chunk in actions.Chunk(100))
        {
            await Waves.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Replaces the panel's current consent under the row's ETag; false when the panel is gone or changed meanwhile.</summary>
    public async Task<bool> ReplaceConsentAsync(string panelId, Tracker.Engine.Consent.PanelConsent consent, CancellationToken cancellationToken)
    {
        if (!Ids.LooksLikeId(panelId)) return false;
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var stored = await Panels.GetEntityIfExistsAsync<PanelEntity>(PanelEntity.Partition, panelId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!stored.HasValue) return false;
        var entity = stored.Value!;
        entity.ConsentJson = JsonSerializer.Serialize(consent);
        try
        {
            await Panels.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Marks the panel closed at <paramref name="at"/> unless it already is (the first close's time stays); returns the
    /// panel as stored afterwards, or null when there is no such panel.
    /// </summary>
    public async Task<Panel?> CloseAsync(string panelId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (!Ids.LooksLikeId(panelId)) return null;
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var stored = await Panels.GetEntityIfExistsAsync<PanelEntity>(PanelEntity.Partition, panelId, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!stored.HasValue) return null;
            var entity = stored.Value!;
            if (entity.ClosedAt is not null) return FromEntity(entity);
            entity.ClosedAt = at;
            try
            {
                // Under the ETag, so a schedule edit at the same moment is neither lost nor loses the close.
                await Panels.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return FromEntity(entity);
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                // Changed or deleted meanwhile: read it again.
            }
        }
    }

    /// <summary>Removes the panel's definition row; deletion does this last, so a half-deleted panel can still be found and deleted again.</summary>
    public async Task DeleteDefinitionAsync(string panelId, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Panels.DeleteEntityAsync(PanelEntity.Partition, panelId, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone: a repeated deletion.
        }
    }

    public async Task<Panel?> GetAsync(string panelId, CancellationToken cancellationToken)
    {
        if (!Ids.LooksLikeId(panelId)) return null;
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var response = await Panels.GetEntityIfExistsAsync<PanelEntity>(PanelEntity.Partition, panelId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public async IAsyncEnumerable<Panel> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var entity in Panels.QueryAsync<PanelEntity>(e => e.PartitionKey == PanelEntity.Partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return FromEntity(entity);
        }
    }

    public async Task<IReadOnlyList<WaveEntity>> GetWavesAsync(string panelId, CancellationToken cancellationToken)
    {
        var waves = new List<WaveEntity>();
        await foreach (var wave in Waves.QueryAsync<WaveEntity>(e => e.PartitionKey == panelId, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            waves.Add(wave);
        }

        return waves.OrderBy(w => w.Number).ToList();
    }

    /// <summary>Records that a dispatch pass reached everyone; a lost race here only means one more (harmless) pass.</summary>
    public async Task MarkDispatchedAsync(string panelId, int wave, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var entity = new WaveEntity { PartitionKey = panelId, RowKey = WaveEntity.Key(wave), DispatchedAt = at, Number = wave };
        try
        {
            await Waves.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The panel was deleted meanwhile; nothing to record.
        }
    }

    private static PanelEntity ToEntity(Panel panel)
    {
        var entity = NewEntity(panel);
        InstrumentColumns.Write(entity, InstrumentJson.Serialize(panel.Instrument));
        return entity;
    }

    private static PanelEntity NewEntity(Panel panel) => new()
    {
        PartitionKey = PanelEntity.Partition,
        RowKey = panel.Id,
        Name = panel.Name,
        ScheduleStart = panel.Schedule.Start,
        Waves = panel.Schedule.Waves,
        Interval = IsoDuration.Format(panel.Schedule.Interval),
        Window = IsoDuration.Format(panel.Schedule.Window),
        TimeZone = panel.DefaultTimeZone,
        CreatedAt = panel.CreatedAt,
        StakeholdersJson = JsonSerializer.Serialize(panel.Stakeholders),
        MinimumCellSize = panel.MinimumCellSize,
        SummaryCadence = Tracker.Engine.Summaries.SummaryCadences.Name(panel.SummaryCadence),
        ScheduleJson = Tracker.Engine.Panels.ScheduleJson.Serialize(panel.Schedule),
        DataRetentionUntil = panel.DataRetentionUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ResearcherEmail = panel.ResearcherEmail,
        CarelessJson = JsonSerializer.Serialize(panel.Careless),
        LanguagesJson = JsonSerializer.Serialize(panel.Languages),
        PageTextsJson = panel.PageTexts.Count == 0 ? null : JsonSerializer.Serialize(panel.PageTexts),
        ConsentJson = panel.Consent is null ? null : JsonSerializer.Serialize(panel.Consent),
        InvitationsJson = panel.Invitations == Tracker.Engine.Invitations.InvitationSettings.None ? null : JsonSerializer.Serialize(panel.Invitations),
        ModelsJson = JsonSerializer.Serialize(panel.Models),
    };

    /// <summary>Rows written before the schedule was stored as JSON kept interval and window as ISO text.</summary>
    private static WaveSchedule LegacySchedule(PanelEntity entity) =>
        IsoDuration.TryParse(entity.Interval, out var interval, out _) && IsoDuration.TryParse(entity.Window, out var window, out _)
            ? new WaveSchedule(entity.ScheduleStart, entity.Waves, interval, window)
            : throw new InvalidDataException($"Panel {entity.RowKey} has no readable schedule.");

    private static Panel FromEntity(PanelEntity entity)
    {
        var instrument = InstrumentJson.Deserialize(InstrumentColumns.Read(entity));
        var schedule = entity.ScheduleJson is { } json ? Tracker.Engine.Panels.ScheduleJson.Deserialize(json) : LegacySchedule(entity);
        return new Panel(entity.RowKey, entity.Name, instrument, schedule, entity.TimeZone, entity.CreatedAt)
        {
            Stakeholders = entity.StakeholdersJson is { } stakeholders ? JsonSerializer.Deserialize<List<string>>(stakeholders) ?? [] : [],
            MinimumCellSize = entity.MinimumCellSize ?? Tracker.Model.Suppression.CellSuppression.DefaultMinimumCellSize,
            SummaryCadence = Tracker.Engine.Summaries.SummaryCadences.FromStored(entity.SummaryCadence),
            ClosedAt = entity.ClosedAt,
            DataRetentionUntil = entity.DataRetentionUntil is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
            ResearcherEmail = entity.ResearcherEmail,
            Careless = entity.CarelessJson is { } careless ? JsonSerializer.Deserialize<Tracker.Engine.Careless.CarelessSettings>(careless) ?? Tracker.Engine.Careless.CarelessSettings.Default : Tracker.Engine.Careless.CarelessSettings.Default,
            Languages = entity.LanguagesJson is { } languages && JsonSerializer.Deserialize<List<string>>(languages) is { Count: > 0 } list ? list : [instrument.Language],
            PageTexts = entity.PageTextsJson is { } pageTexts
                ? new Dictionary<string, Dictionary<string, string>>(JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(pageTexts) ?? [], StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, Dictionary<string, string>>(),
            Consent = entity.ConsentJson is { } consent ? JsonSerializer.Deserialize<Tracker.Engine.Consent.PanelConsent>(consent) : null,
            Invitations = entity.InvitationsJson is { } invitations ? JsonSerializer.Deserialize<Tracker.Engine.Invitations.InvitationSettings>(invitations) ?? Tracker.Engine.Invitations.InvitationSettings.None : Tracker.Engine.Invitations.InvitationSettings.None,
            Models = entity.ModelsJson is { } models ? JsonSerializer.Deserialize<Tracker.Engine.Models.ModelSettings>(models) ?? Tracker.Engine.Models.ModelSettings.Default : Tracker.Engine.Models.ModelSettings.Default,
        };
    }
}
