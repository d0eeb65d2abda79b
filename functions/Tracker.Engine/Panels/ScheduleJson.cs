using System.Globalization;
using System.Text.Json;
using Tracker.Engine.Common;

namespace Tracker.Engine.Panels;

/// <summary>
/// A schedule and the versions it replaced, stored as one JSON property of the panel row: oldest first, each with the
/// wave it governs from. Durations are ISO-8601 and the send time HH:mm, as the API takes them.
/// </summary>
public static class ScheduleJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(WaveSchedule schedule)
    {
        var versions = new List<Version>();
        for (var s = schedule; s is not null; s = s.Previous)
        {
            versions.Insert(0, new Version(
                s.FromWave,
                s.Kind == ScheduleKind.Rolling ? "rolling" : "fixed",
                s.Start,
                s.Waves,
                IsoDuration.Format(s.Interval),
                IsoDuration.Format(s.Window),
                s.SendTime?.ToString("HH:mm", CultureInfo.InvariantCulture),
                s.Reminders.Select(IsoDuration.Format).ToList(),
                s.EnrolUntil));
        }

        return JsonSerializer.Serialize(versions, Options);
    }

    public static WaveSchedule Deserialize(string json)
    {
        var versions = JsonSerializer.Deserialize<List<Version>>(json, Options) ?? throw new InvalidDataException("The stored schedule is empty.");
        WaveSchedule? schedule = null;
        foreach (var v in versions)
        {
            schedule = new WaveSchedule(v.Start, v.Waves, Duration(v.Interval), Duration(v.Window))
            {
                Kind = v.Kind == "rolling" ? ScheduleKind.Rolling : ScheduleKind.Fixed,
                SendTime = v.SendTime is null ? null : TimeOnly.ParseExact(v.SendTime, "HH:mm", CultureInfo.InvariantCulture),
                Reminders = v.Reminders.Select(Duration).ToList(),
                EnrolUntil = v.EnrolUntil,
                FromWave = v.FromWave,
                Previous = schedule,
            };
        }

        return schedule ?? throw new InvalidDataException("The stored schedule has no version.");
    }

    private static TimeSpan Duration(string text) =>
        IsoDuration.TryParse(text, out var value, out var problem) ? value : throw new InvalidDataException($"Stored duration '{text}': {problem}");

    private sealed record Version(
        int FromWave,
        string Kind,
        DateTimeOffset Start,
        int Waves,
        string Interval,
        string Window,
        string? SendTime,
        List<string> Reminders,
        DateTimeOffset? EnrolUntil);
}
