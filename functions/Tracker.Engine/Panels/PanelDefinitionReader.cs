using System.Text.Json;

namespace Tracker.Engine.Panels;

/// <summary>Reads a posted panel definition (or a schedule edit) from JSON, reporting every shape problem at once by JSON path.</summary>
public static class PanelDefinitionReader
{
    private static readonly string[] PanelProperties = ["name", "instrument", "schedule", "timeZone", "stakeholders", "minimumCellSize", "summaryCadence", "dataRetentionUntil", "researcherEmail", "careless", "languages", "pageTexts", "consent", "invitations", "models"];
    private static readonly string[] ScheduleProperties = ["kind", "start", "waves", "interval", "window", "sendTime", "reminders", "enrolUntil"];
    private static readonly string[] ModelsProperties = ["includePartial"];
    private static readonly string[] CarelessProperties = ["thresholds", "excludeFromModels"];
    private static readonly string[] ThresholdProperties = ["longStringShare", "minimumIrv", "mahalanobisPValue", "minimumEvenOdd", "minimumSecondsPerItem"];

    /// <summary>The definition as far as it could be read; <paramref name="problems"/> holds what could not.</summary>
    public static PanelDefinition Read(JsonElement root, List<string> problems)
    {
        var reader = new DefinitionFields(problems);
        var definition = new PanelDefinition();
        var fields = reader.Properties(root, "", PanelProperties, "a panel definition");
        if (fields is null) return definition;

        definition.Name = reader.Text(fields, "", "name");
        if (fields.TryGetValue("instrument", out var instrument)) definition.Instrument = instrument.Clone();
        if (fields.TryGetValue("schedule", out var schedule) && schedule.ValueKind != JsonValueKind.Null)
        {
            definition.Schedule = ReadSchedule(schedule, "schedule", reader);
        }

        definition.TimeZone = reader.Text(fields, "", "timeZone");
        definition.Stakeholders = reader.TextList(fields, "", "stakeholders");
        definition.MinimumCellSize = reader.WholeNumber(fields, "", "minimumCellSize");
        definition.SummaryCadence = reader.Text(fields, "", "summaryCadence");
        definition.DataRetentionUntil = reader.Text(fields, "", "dataRetentionUntil");
        definition.ResearcherEmail = reader.Text(fields, "", "researcherEmail");
        definition.Languages = reader.TextList(fields, "", "languages");
        if (fields.TryGetValue("pageTexts", out var pageTexts)) definition.PageTexts = Tracker.Engine.Languages.PageTextCatalog.Read(pageTexts, reader);
        if (fields.TryGetValue("careless", out var careless) && careless.ValueKind != JsonValueKind.Null)
        {
            definition.Careless = ReadCareless(careless, reader);
        }

        if (fields.TryGetValue("consent", out var consent) && consent.ValueKind != JsonValueKind.Null)
        {
            definition.Consent = Tracker.Engine.Consent.ConsentDefinition.Read(consent, "consent", reader);
        }

        if (fields.TryGetValue("invitations", out var invitations) && invitations.ValueKind != JsonValueKind.Null)
        {
            definition.Invitations = Tracker.Engine.Invitations.InvitationSettingsReader.Read(invitations, reader);
        }

        if (fields.TryGetValue("models", out var models) && models.ValueKind != JsonValueKind.Null
            && reader.Properties(models, "models", ModelsProperties, "the model settings") is { } modelFields)
        {
            definition.Models = new ModelsDefinition { IncludePartial = reader.Boolean(modelFields, "models", "includePartial") };
        }

        return definition;
    }

    private static CarelessDefinition? ReadCareless(JsonElement element, DefinitionFields reader)
    {
        var fields = reader.Properties(element, "careless", CarelessProperties, "the careless-answer settings");
        if (fields is null) return null;
        var careless = new CarelessDefinition { ExcludeFromModels = reader.Boolean(fields, "careless", "excludeFromModels") };
        if (!fields.TryGetValue("thresholds", out var thresholdsElement) || thresholdsElement.ValueKind == JsonValueKind.Null) return careless;
        const string path = "careless.thresholds";
        var thresholds = reader.Properties(thresholdsElement, path, ThresholdProperties, "the careless-answer thresholds");
        if (thresholds is null) return careless;
        careless.Thresholds = new CarelessThresholdsDefinition
        {
            LongStringShare = reader.Number(thresholds, path, "longStringShare"),
            MinimumIrv = reader.Number(thresholds, path, "minimumIrv"),
            MahalanobisPValue = reader.Number(thresholds, path, "mahalanobisPValue"),
            MinimumEvenOdd = reader.Number(thresholds, path, "minimumEvenOdd"),
            MinimumSecondsPerItem = reader.Number(thresholds, path, "minimumSecondsPerItem"),
        };
        return careless;
    }

    /// <summary>
    /// The body of a schedule edit: a schedule (named "schedule.…" as in a panel definition) that may also carry the
    /// panel's <c>dataRetentionUntil</c> and <c>researcherEmail</c>, since moving the waves can move what the date must follow.
    /// </summary>
    public static ScheduleDefinition ReadScheduleEdit(JsonElement root, List<string> problems, out string? dataRetentionUntil, out string? researcherEmail)
    {
        var reader = new DefinitionFields(problems);
        dataRetentionUntil = null;
        researcherEmail = null;
        var fields = reader.Properties(root, "schedule", [.. ScheduleProperties, "dataRetentionUntil", "researcherEmail"], "a schedule");
        if (fields is null) return new ScheduleDefinition();
        dataRetentionUntil = reader.Text(fields, "", "dataRetentionUntil");
        researcherEmail = reader.Text(fields, "", "researcherEmail");
        return ReadScheduleFields(fields, "schedule", reader);
    }

    private static ScheduleDefinition ReadSchedule(JsonElement element, string path, DefinitionFields reader)
    {
        var fields = reader.Properties(element, path, ScheduleProperties, "a schedule");
        return fields is null ? new ScheduleDefinition() : ReadScheduleFields(fields, path, reader);
    }

    private static ScheduleDefinition ReadScheduleFields(Dictionary<string, JsonElement> fields, string path, DefinitionFields reader)
    {
        var schedule = new ScheduleDefinition();
        schedule.Kind = reader.Text(fields, path, "kind");
        schedule.Start = reader.Instant(fields, path, "start");
        schedule.Waves = reader.WholeNumber(fields, path, "waves");
        schedule.Interval = reader.Text(fields, path, "interval");
        schedule.Window = reader.Text(fields, path, "window");
        schedule.SendTime = reader.Text(fields, path, "sendTime");
        schedule.Reminders = reader.TextList(fields, path, "reminders");
        schedule.EnrolUntil = reader.Instant(fields, path, "enrolUntil");
        return schedule;
    }
}
