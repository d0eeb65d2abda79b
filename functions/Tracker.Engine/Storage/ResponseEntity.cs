namespace Tracker.Engine.Storage;

/// <summary>One participant's answers to one wave; a resubmission before the wave closes replaces it (never a second row).</summary>
public sealed class ResponseEntity : TableEntityBase
{
    public string AnswersJson { get; set; } = "{}";

    public string ScoresJson { get; set; } = "{}";

    /// <summary>The answers to questions other than construct items, question id → answered text (ResponseAnswers.Other).</summary>
    public string OtherAnswersJson { get; set; } = "{}";

    /// <summary>
    /// Whether the participant submitted the last page; a row saved page by page is partial until then. True by default
    /// because a row written before pages existed (no such column) was always a whole submission.
    /// </summary>
    public bool Complete { get; set; } = true;

    /// <summary>The id of the last page saved; null for rows written before pages existed.</summary>
    public string? LastPage { get; set; }

    public DateTimeOffset FirstSubmittedAt { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public int Revision { get; set; }

    /// <summary>
    /// Seconds from serving the form to the first submission; an edit keeps it, since an edit starts from the
    /// answers already chosen and its speed says nothing about reading every statement. Null when not timed.
    /// </summary>
    public double? SecondsToSubmit { get; set; }

    /// <summary>
    /// A tombstone left by erasure: no answers, and it makes every later insert or replacement of this participant's
    /// response fail or refuse, so a submission that was in flight when the erasure ran cannot bring the answers back.
    /// </summary>
    public bool Erased { get; set; }

    public static string Partition(string panelId, int wave) => $"{panelId}~{WaveEntity.Key(wave)}";
}
