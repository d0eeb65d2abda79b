using System.Text.Json;

namespace Tracker.Engine.Panels;

/// <summary>The JSON a researcher posts to create a panel (camelCase on the wire).</summary>
public sealed class PanelDefinition
{
    public string? Name { get; set; }

    /// <summary>The string <c>"default"</c> or a full instrument object.</summary>
    public JsonElement Instrument { get; set; }

    public ScheduleDefinition? Schedule { get; set; }

    /// <summary>The IANA time zone used for participants enrolled without one.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Email addresses that receive the trend summaries (optional).</summary>
    public List<string>? Stakeholders { get; set; }

    /// <summary>Summaries suppress any aggregate of fewer responses than this (optional, default 5).</summary>
    public int? MinimumCellSize { get; set; }

    /// <summary><c>"afterWaveCloses"</c> (default) or <c>"weekly"</c>: when stakeholders get a summary.</summary>
    public string? SummaryCadence { get; set; }

    /// <summary>The date until which the study may keep its data (optional, <c>yyyy-MM-dd</c>, after the last wave closes).</summary>
    public string? DataRetentionUntil { get; set; }

    /// <summary>Who is told as the data-retention date approaches (optional).</summary>
    public string? ResearcherEmail { get; set; }

    /// <summary>Careless-answer thresholds and whether flagged responses are left out of the models (optional).</summary>
    public CarelessDefinition? Careless { get; set; }

    /// <summary>The panel's languages as BCP 47 tags, the default first (optional; default: the instrument's language alone).</summary>
    public List<string>? Languages { get; set; }

    /// <summary>Fixed page and email words per language, <c>{"xx": {"next": "…"}}</c> (optional; required in full for a language without built-in texts).</summary>
    public Dictionary<string, Dictionary<string, string>>? PageTexts { get; set; }

    /// <summary>The consent asked for before the form (optional).</summary>
    public Tracker.Engine.Consent.ConsentDefinition? Consent { get; set; }
    /// <summary>Who sends the invitations, who runs the study and why, whom to ask, the privacy note, and the researcher's templates (optional).</summary>
    public Tracker.Engine.Invitations.InvitationSettings? Invitations { get; set; }
    /// <summary>Whether partial responses enter the models (optional; default: left out).</summary>
    public ModelsDefinition? Models { get; set; }
}
