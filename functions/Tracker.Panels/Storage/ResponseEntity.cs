namespace Tracker.Panels.Storage;

/// <summary>One participant's answers to one wave; a resubmission before the wave closes replaces it (never a second row).</summary>
public sealed class ResponseEntity : TableEntityBase
{
    public string AnswersJson { get; set; } = "{}";

    public string ScoresJson { get; set; } = "{}";

    public DateTimeOffset FirstSubmittedAt { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public int Revision { get; set; }

    public static string Partition(string panelId, int wave) => $"{panelId}~{WaveEntity.Key(wave)}";
}
