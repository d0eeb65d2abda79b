using System.Text.Json;
using Tracker.Engine.Common;
using Tracker.Engine.Instruments;

namespace Tracker.Engine.Panels;

/// <summary>Turns a posted definition into a <see cref="Panel"/>, or lists every problem in it at once.</summary>
public static class PanelDefinitionValidator
{
    public const int MaxWaves = 100;
    public const int MaxNameLength = 200;

    /// <summary>Table storage caps a string property at 64 KiB; a larger instrument is not a survey participants finish.</summary>
    public const int MaxInstrumentJsonChars = 200_000;

    public const int MaxStakeholders = 50;

    /// <summary>Below 3 a "summary" of one or two people is a report on individuals.</summary>
    public const int MinMinimumCellSize = 3;

    public const int MaxMinimumCellSize = 1000;

    /// <param name="readProblems">What <see cref="PanelDefinitionReader"/> could not read: reported first, and a path
    /// it already names is not reported again as missing.</param>
    public static Validation<Panel> Validate(PanelDefinition? definition, string id, DateTimeOffset now, IReadOnlyList<string>? readProblems = null)
    {
        if (definition is null)
        {
            return Validation<Panel>.Invalid(["The body must be a JSON panel definition with name, instrument and schedule."]);
        }

        var checks = Check(definition, id, now);
        if (readProblems is not { Count: > 0 }) return checks;
        return Validation<Panel>.Invalid(Merge(readProblems, checks.Problems));
    }

    /// <summary>What a researcher should know about a valid panel's schedule before invitations go out.</summary>
    public static IReadOnlyList<string> Warnings(Panel panel, DateTimeOffset now)
    {
        var schedule = panel.Schedule;
        if (schedule.Kind != ScheduleKind.Fixed || schedule.OpensAt(1) >= now) return [];
        var open = Enumerable.Range(1, schedule.Waves).Where(w => schedule.OpensAt(w) <= now && schedule.ClosesAt(w) > now).ToList();
        var closed = Enumerable.Range(1, schedule.Waves).Count(w => schedule.ClosesAt(w) <= now);
        var warnings = new List<string>();
        if (closed > 0) warnings.Add($"schedule.start: is in the past, so {closed} wave(s) closed before the panel existed and nobody will be invited to them");
        if (open.Count > 0) warnings.Add($"schedule.start: wave {open[0]} is already open (since {schedule.OpensAt(open[0]):yyyy-MM-dd HH:mm} UTC); its invitations go out at the next dispatch and participants have less than the full window to answer");
        return warnings;
    }

    /// <summary>The reader's problems first, then the checks' problems on paths the reader did not already name.</summary>
    public static List<string> Merge(IReadOnlyList<string> readProblems, IEnumerable<string> checkProblems)
    {
        var named = readProblems.Select(PathOf).ToHashSet(StringComparer.Ordinal);
        return [.. readProblems, .. checkProblems.Where(p => !named.Contains(PathOf(p)))];
    }

    private static string PathOf(string problem)
    {
        var colon = problem.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? problem : problem[..colon];
    }

    private static Validation<Panel> Check(PanelDefinition definition, string id, DateTimeOffset now)
    {
        var problems = new List<string>();
        var name = definition.Name?.Trim() ?? "";
        if (name.Length == 0) problems.Add("name: is required");
        else if (name.Length > MaxNameLength) problems.Add($"name: is longer than {MaxNameLength} characters");
        else if (name.Any(char.IsControl)) problems.Add("name: contains control characters");

        var instrument = ResolveInstrument(definition.Instrument, problems);

        var zone = string.IsNullOrWhiteSpace(definition.TimeZone) ? TimeZones.Default : definition.TimeZone.Trim();
        if (!TimeZones.IsKnown(zone)) problems.Add($"timeZone: '{zone}' is not an IANA time zone such as Europe/Berlin");

        var schedule = ResolveSchedule(definition.Schedule, problems);
        if (schedule is not null) RefuseEnded(schedule, now, problems);
        var stakeholders = ResolveStakeholders(definition.Stakeholders, problems);
        var minimumCellSize = definition.MinimumCellSize ?? Tracker.Model.Suppression.CellSuppression.DefaultMinimumCellSize;
        if (minimumCellSize is < MinMinimumCellSize or > MaxMinimumCellSize) problems.Add($"minimumCellSize: must be from {MinMinimumCellSize} to {MaxMinimumCellSize}");
        var cadence = Tracker.Engine.Summaries.SummaryCadences.Resolve(definition.SummaryCadence, problems);
        var retention = ResolveRetention(definition.DataRetentionUntil, schedule, problems);
        var researcher = ResolveResearcher(definition.ResearcherEmail, problems);
        var careless = CarelessSettingsResolver.Resolve(definition.Careless, problems);
        var languages = PanelLanguages.Resolve(definition.Languages, instrument, problems);
        Tracker.Engine.Languages.PageTextCatalog.Check(definition.PageTexts, languages, problems);
        var consent = Tracker.Engine.Consent.ConsentValidator.Resolve(definition.Consent, languages, problems);
        var invitations = Tracker.Engine.Invitations.InvitationSettingsValidator.Validate(definition.Invitations, languages, problems);
        instrument = CheckInstrument(instrument, schedule, languages, problems);

        return problems.Count > 0 || instrument is null || schedule is null
            ? Validation<Panel>.Invalid(problems)
            : Validation<Panel>.Valid(new Panel(id, name, instrument, schedule, zone, now)
            {
                Stakeholders = stakeholders, MinimumCellSize = minimumCellSize, SummaryCadence = cadence, DataRetentionUntil = retention, ResearcherEmail = researcher, Careless = careless, Languages = languages, Consent = consent,
                Invitations = invitations, PageTexts = definition.PageTexts ?? [],
                Models = new Tracker.Engine.Models.ModelSettings(definition.Models?.IncludePartial ?? false),
            });
    }

    /// <summary>
    /// The data-retention date: a calendar date (the data may be kept through that day), after the day the last wave
    /// closes for everyone — data still being collected cannot be due for deletion.
    /// </summary>
    public static DateOnly? ResolveRetention(string? text, WaveSchedule? schedule, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            problems.Add($"dataRetentionUntil: '{text}' is not a date such as 2027-06-30");
            return null;
        }

        if (schedule is not null)
        {
            var lastDay = DateOnly.FromDateTime(schedule.End.UtcDateTime);
            if (date <= lastDay) problems.Add($"dataRetentionUntil: must be after the last wave closes ({schedule.End:yyyy-MM-dd HH:mm} UTC); {date:yyyy-MM-dd} is not");
        }

        return date;
    }

    /// <summary>Who gets the retention notices: null when absent or blank.</summary>
    public static string? ResolveResearcher(string? text, List<string> problems)
    {
        var researcher = text?.Trim();
        if (researcher is { Length: 0 }) return null;
        if (researcher is not null && !IsEmailAddress(researcher)) problems.Add("researcherEmail: is not an email address");
        return researcher;
    }

    private static List<string> ResolveStakeholders(List<string>? stakeholders, List<string> problems)
    {
        var result = new List<string>();
        if (stakeholders is null) return result;
        if (stakeholders.Count > MaxStakeholders) problems.Add($"stakeholders: at most {MaxStakeholders} addresses");
        for (var i = 0; i < stakeholders.Count && i < MaxStakeholders; i++)
        {
            var email = stakeholders[i]?.Trim() ?? "";
            if (!IsEmailAddress(email))
            {
                problems.Add($"stakeholders[{i}]: is not an email address");
            }
            else if (result.Contains(email, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"stakeholders[{i}]: is listed twice");
            }
            else
            {
                result.Add(email);
            }
        }

        return result;
    }

    internal static bool IsEmailAddress(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return email.Length is > 0 and <= 254 && !email.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) && at > 0 && at == email.LastIndexOf('@') && email[(at + 1)..].Contains('.', StringComparison.Ordinal)
            && MimeKit.MailboxAddress.TryParse(email, out var parsed) && string.Equals(parsed.Address, email, StringComparison.OrdinalIgnoreCase);
    }

    private static Instrument? ResolveInstrument(JsonElement element, List<string> problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                problems.Add("instrument: is required (\"default\" or an instrument object)");
                return null;
            case JsonValueKind.String when element.GetString() == DefaultInstrument.Instance.Id:
                return DefaultInstrument.Instance;
            case JsonValueKind.String:
                problems.Add($"instrument: '{element.GetString()}' is not a known instrument; use \"default\" or give an instrument object");
                return null;
            case JsonValueKind.Object:
                if (element.GetRawText().Length > MaxInstrumentJsonChars)
                {
                    problems.Add($"instrument: is larger than {MaxInstrumentJsonChars:N0} characters of JSON");
                    return null;
                }

                // Every unknown property and wrong JSON type at once, before the serializer stops at the first.
                var shapeProblems = new List<string>();
                InstrumentShape.Check(element, "instrument", shapeProblems);
                if (shapeProblems.Count > 0)
                {
                    problems.AddRange(shapeProblems);
                    return null;
                }

                if (!InstrumentJson.TryReadUnchecked(element, out var custom, out var readProblems))
                {
                    problems.AddRange(readProblems);
                    return null;
                }

                return custom;

            default:
                problems.Add("instrument: must be \"default\" or an instrument object");
                return null;
        }
    }

    /// <summary>The instrument's own checks, with the waves and languages of the panel it is for; null when it has problems.</summary>
    private static Instrument? CheckInstrument(Instrument? instrument, WaveSchedule? schedule, IReadOnlyList<string> languages, List<string> problems)
    {
        if (instrument is null) return null;

        // The built-in instrument comes in several languages; a panel keeps those it speaks (none: one-language panels store it as before).
        if (ReferenceEquals(instrument, DefaultInstrument.Instance))
        {
            var kept = instrument.Translations?.Where(t => languages.Contains(t.Key, StringComparer.OrdinalIgnoreCase) && !string.Equals(t.Key, instrument.Language, StringComparison.OrdinalIgnoreCase))
                .ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
            instrument = instrument with { Translations = kept is { Count: > 0 } ? kept : null };
        }

        var instrumentProblems = InstrumentValidator.Validate(instrument, "instrument", schedule?.Waves, languages);
        problems.AddRange(instrumentProblems);
        if (instrumentProblems.Count > 0) return null;
        if (InstrumentJson.Serialize(instrument).Length > InstrumentColumns.MaxLength)
        {
            problems.Add($"instrument: is too large to store (more than {InstrumentColumns.MaxLength:N0} characters once written out); use fewer or shorter texts");
            return null;
        }

        return instrument;
    }

    /// <summary>Checks a posted schedule on its own; <see cref="Validate"/> and schedule edits share it.</summary>
    public static WaveSchedule? ResolveSchedule(ScheduleDefinition? schedule, List<string> problems)
    {
        if (schedule is null)
        {
            problems.Add("schedule: is required (start, waves, interval, window)");
            return null;
        }

        var before = problems.Count;
        var kind = ScheduleKind.Fixed;
        switch (schedule.Kind?.Trim().ToLowerInvariant())
        {
            case null or "" or "fixed":
                break;
            case "rolling":
                kind = ScheduleKind.Rolling;
                break;
            default:
                problems.Add($"schedule.kind: must be \"fixed\" or \"rolling\", not '{schedule.Kind}'");
                break;
        }

        if (schedule.Start is null) problems.Add("schedule.start: is required (an instant such as 2026-12-01T09:00:00Z)");
        if (schedule.Waves is null) problems.Add("schedule.waves: is required");
        else if (schedule.Waves is < 1 or > MaxWaves) problems.Add($"schedule.waves: must be from 1 to {MaxWaves}");

        if (!IsoDuration.TryParse(schedule.Interval, out var interval, out var intervalProblem)) problems.Add($"schedule.interval: {intervalProblem}");
        else if (interval <= TimeSpan.Zero) problems.Add("schedule.interval: must be longer than zero");

        if (!IsoDuration.TryParse(schedule.Window, out var window, out var windowProblem)) problems.Add($"schedule.window: {windowProblem}");
        else if (window < TimeSpan.FromMinutes(1)) problems.Add("schedule.window: must be at least a minute (PT1M)");
        else if (schedule.Waves > 1 && window > interval && interval > TimeSpan.Zero) problems.Add("schedule.window: must not be longer than the interval, or waves would overlap");

        TimeOnly? sendTime = null;
        if (!string.IsNullOrWhiteSpace(schedule.SendTime))
        {
            if (TimeOnly.TryParseExact(schedule.SendTime.Trim(), ["HH:mm", "HH:mm:ss"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)) sendTime = parsed;
            else problems.Add($"schedule.sendTime: '{schedule.SendTime}' is not a time of day such as 09:00");
        }

        var reminders = ResolveReminders(schedule.Reminders, window, problems);

        if (kind == ScheduleKind.Rolling)
        {
            if (schedule.EnrolUntil is null) problems.Add("schedule.enrolUntil: is required for a rolling schedule (the last instant participants can join)");
            else if (schedule.Start is not null && schedule.EnrolUntil < schedule.Start) problems.Add("schedule.enrolUntil: must not be before schedule.start");
        }
        else if (schedule.EnrolUntil is not null)
        {
            problems.Add("schedule.enrolUntil: only applies to a rolling schedule");
        }

        if (problems.Count > before) return null;
        var result = new WaveSchedule(schedule.Start!.Value.ToUniversalTime(), schedule.Waves!.Value, interval, window)
        {
            Kind = kind,
            SendTime = sendTime,
            Reminders = reminders,
            EnrolUntil = schedule.EnrolUntil?.ToUniversalTime(),
        };
        if (EndsTooLate(result)) problems.Add("schedule: ends too far in the future");
        return problems.Count > before ? null : result;
    }

    /// <summary>A panel created after its last wave closed (or its enrolment ended) would never invite anyone.</summary>
    private static void RefuseEnded(WaveSchedule schedule, DateTimeOffset now, List<string> problems)
    {
        if (schedule.Kind == ScheduleKind.Rolling)
        {
            if (schedule.EnrolUntil <= now) problems.Add($"schedule.enrolUntil: {schedule.EnrolUntil:yyyy-MM-dd HH:mm} UTC is in the past, so nobody could join this rolling panel; give a later instant");
            return;
        }

        var lastClose = schedule.LatestClose(schedule.Waves);
        if (lastClose <= now)
        {
            problems.Add($"schedule.start: {schedule.Start:yyyy-MM-dd HH:mm} UTC is in the past: all {schedule.Waves} wave(s) would already be closed (the last closed {lastClose:yyyy-MM-dd HH:mm} UTC) and nobody would be invited; give a start in the future");
        }
    }

    /// <summary>Past year 9000, or so far that the calendar overflows computing it (start 9999-12-01 with 100 waves).</summary>
    private static bool EndsTooLate(WaveSchedule schedule)
    {
        try
        {
            return schedule.End.Year > 9000;
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or OverflowException)
        {
            return true;
        }
    }

    private static List<TimeSpan> ResolveReminders(List<string>? texts, TimeSpan window, List<string> problems)
    {
        var reminders = new List<TimeSpan>();
        if (texts is null) return reminders;
        if (texts.Count > WaveSchedule.MaxReminders) problems.Add($"schedule.reminders: at most {WaveSchedule.MaxReminders}");
        for (var i = 0; i < texts.Count && i < WaveSchedule.MaxReminders; i++)
        {
            if (!IsoDuration.TryParse(texts[i], out var offset, out var problem)) problems.Add($"schedule.reminders[{i}]: {problem}");
            else if (offset <= TimeSpan.Zero) problems.Add($"schedule.reminders[{i}]: must be after the invitation");
            else if (window > TimeSpan.Zero && offset >= window) problems.Add($"schedule.reminders[{i}]: {texts[i]} is not inside the window of {IsoDuration.Format(window)}");
            else if (reminders.Count > 0 && offset <= reminders[^1]) problems.Add($"schedule.reminders[{i}]: must come after the reminder before it");
            else reminders.Add(offset);
        }

        return reminders;
    }
}
