using Tracker.Engine.Instruments;

namespace Tracker.Engine.Panels;

/// <summary>A running study: who is asked what, and when.</summary>
public sealed record Panel(
    string Id,
    string Name,
    Instrument Instrument,
    WaveSchedule Schedule,
    string DefaultTimeZone,
    DateTimeOffset CreatedAt)
{
    /// <summary>Who receives the emailed trend summaries (may be empty).</summary>
    public IReadOnlyList<string> Stakeholders { get; init; } = [];

    /// <summary>Aggregates from fewer responses than this are suppressed in summaries.</summary>
    public int MinimumCellSize { get; init; } = Tracker.Model.Suppression.CellSuppression.DefaultMinimumCellSize;

    /// <summary>How often the stakeholders get a summary.</summary>
    public Tracker.Engine.Summaries.SummaryCadence SummaryCadence { get; init; }

    /// <summary>When the researcher closed the study (nothing more is sent, links answer "this study has ended"); null while it runs.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    public bool IsClosed => ClosedAt is not null;
    /// <summary>The last day the study may keep its data (formr's study expiry); nothing is deleted on its own.</summary>
    public DateOnly? DataRetentionUntil { get; init; }

    /// <summary>Who is told as <see cref="DataRetentionUntil"/> approaches; without it nobody is emailed.</summary>
    public string? ResearcherEmail { get; init; }

    /// <summary>When careless-answer indices flag a response, and whether flagged responses are left out of the models.</summary>
    public Tracker.Engine.Careless.CarelessSettings Careless { get; init; } = Tracker.Engine.Careless.CarelessSettings.Default;

    /// <summary>Every language the panel speaks (BCP 47), the default first; never empty once validated.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Whether partial responses enter the models (<c>"models"</c> in the definition).</summary>
    public Tracker.Engine.Models.ModelSettings Models { get; init; } = Tracker.Engine.Models.ModelSettings.Default;

    /// <summary>The panel's own fixed words per language (<c>pageTexts</c>): every key for a language without built-in texts, overrides otherwise.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, string>> PageTexts { get; init; } = new Dictionary<string, Dictionary<string, string>>();

    /// <summary>The language of a participant who has none of their own: the first of <see cref="Languages"/>.</summary>
    /// <summary>What the invitations say about the study and the researcher's templates; <see cref="Tracker.Engine.Invitations.InvitationSettings.None"/> when not given.</summary>
    public Tracker.Engine.Invitations.InvitationSettings Invitations { get; init; } = Tracker.Engine.Invitations.InvitationSettings.None;

    public string DefaultLanguage => Languages.Count > 0 ? Languages[0] : Instrument.Language;

    /// <summary>The consent asked for before the form (its current version); null for a panel without one.</summary>
    public Tracker.Engine.Consent.PanelConsent? Consent { get; init; }
}
