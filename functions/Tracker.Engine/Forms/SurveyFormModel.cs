using Tracker.Engine.Instruments;

namespace Tracker.Engine.Forms;

/// <summary>What the survey form shows for one participant and wave.</summary>
/// <param name="ClosesAtText">When the wave closes, already in words for the participant (the caller knows their time zone).</param>
/// <param name="ActionUrl">Where the form posts: the participant's own link, so the token travels in the path and never in the body.</param>
public sealed record SurveyFormModel(
    Instrument Instrument,
    string PanelName,
    int WaveNumber,
    int WaveCount,
    string ClosesAtText,
    string ActionUrl)
{
    /// <summary>The page shown; null means the first of <see cref="Pages"/>.</summary>
    public Page? Page { get; init; }

    /// <summary>The pages this participant sees in this wave, given the answers so far (for "Page 2 of 4").</summary>
    public IReadOnlyList<Page> Pages { get; init; } = [];

    /// <summary>What <see cref="Page"/> shows: its entries visible in this wave given the answers so far.</summary>
    public IReadOnlyList<PageEntry> Entries { get; init; } = [];

    /// <summary>The entries to draw: <see cref="Entries"/>, or every entry of the page when none were worked out.</summary>
    public IReadOnlyList<PageEntry> ShownEntries => Entries.Count > 0 ? Entries : CurrentPage.Items;

    public Page CurrentPage => Page ?? (Pages.Count > 0 ? Pages[0] : Instrument.FormPages[0]);

    /// <summary>1-based position of <see cref="CurrentPage"/> among <see cref="Pages"/>.</summary>
    public int PageNumber => Math.Max(1, Pages.ToList().FindIndex(p => p.Id == CurrentPage.Id) + 1);

    public int PageCount => Math.Max(1, Pages.Count);

    public bool IsLastPage => PageNumber >= PageCount;

    /// <summary>The other questions' answers to show: stored (encoded) or, after an error, as typed (several codes joined by <c>;</c>).</summary>
    public IReadOnlyDictionary<string, string> Other { get; init; } = new Dictionary<string, string>();

    /// <summary>Answers to pre-select: the stored response when editing, or the valid part of a rejected submission.</summary>
    public IReadOnlyDictionary<string, int> Answers { get; init; } = new Dictionary<string, int>();

    /// <summary>Per-item errors from <see cref="AnswerParser"/>; when present the page is a 422 with an error summary.</summary>
    public IReadOnlyList<AnswerError> Errors { get; init; } = [];

    /// <summary>Shown in an alert above the form when set: why the answers below were not saved (e.g. storage is down).</summary>
    public string? Notice { get; init; }

    /// <summary>The signed time the form was first served (<see cref="FormOpening"/>), posted back in a hidden field; null when not timed.</summary>
    public string? OpenedStamp { get; init; }

    /// <summary>The fixed words in the participant's language, and the panel's languages for the selector.</summary>
    public Tracker.Engine.Languages.ParticipantTexts Texts { get; init; } = Tracker.Engine.Languages.ParticipantTexts.English;
}
