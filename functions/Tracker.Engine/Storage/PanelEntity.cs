namespace Tracker.Engine.Storage;

/// <summary>A panel's definition; all panels share one partition because they are few and listed together.</summary>
public sealed class PanelEntity : TableEntityBase
{
    public const string Partition = "panel";

    public string Name { get; set; } = "";

    /// <summary>The instrument's JSON, or its first part when it is longer than one table property holds (see <see cref="Panels.InstrumentColumns"/>).</summary>
    public string InstrumentJson { get; set; } = "";

    // The rest of a long instrument (a bilingual one with many questions); null when the first part holds it all.
    public string? InstrumentJson2 { get; set; }

    public string? InstrumentJson3 { get; set; }

    public string? InstrumentJson4 { get; set; }

    public string? InstrumentJson5 { get; set; }

    public string? InstrumentJson6 { get; set; }

    public string? InstrumentJson7 { get; set; }

    public string? InstrumentJson8 { get; set; }

    public DateTimeOffset ScheduleStart { get; set; }

    public int Waves { get; set; }

    public string Interval { get; set; } = "";

    public string Window { get; set; } = "";

    public string TimeZone { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>JSON array of the summary recipients; null on panels created before summaries existed.</summary>
    public string? StakeholdersJson { get; set; }

    public int? MinimumCellSize { get; set; }

    /// <summary>The whole schedule with the versions it replaced (<see cref="Panels.ScheduleJson"/>); null on panels from before schedule edits, whose flat columns say it all.</summary>
    public string? ScheduleJson { get; set; }

    /// <summary>The summary cadence's wire name; null on panels created before cadences existed (after each wave).</summary>
    public string? SummaryCadence { get; set; }

    /// <summary>When the panel was closed (<see cref="Panels.Panel.ClosedAt"/>); null while it runs.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>The data-retention date as <c>yyyy-MM-dd</c>, or null.</summary>
    public string? DataRetentionUntil { get; set; }

    public string? ResearcherEmail { get; set; }

    /// <summary>The careless-answer settings as JSON; null on panels created before they existed (the defaults).</summary>
    public string? CarelessJson { get; set; }

    /// <summary>The panel's languages as a JSON list; absent on panels created before panels had several languages.</summary>
    public string? LanguagesJson { get; set; }

    /// <summary>The panel's own page texts per language as JSON; absent on panels without any (the built-in texts serve).</summary>
    public string? PageTextsJson { get; set; }

    /// <summary>The current consent version and its text as JSON; absent on panels without consent.</summary>
    public string? ConsentJson { get; set; }
    /// <summary>The invitation settings as JSON; absent on panels created before they existed (the built-in wording).</summary>
    public string? InvitationsJson { get; set; }
    /// <summary>The model settings as JSON; absent on panels created before them (partial responses left out).</summary>
    public string? ModelsJson { get; set; }
}
