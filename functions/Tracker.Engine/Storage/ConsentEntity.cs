namespace Tracker.Engine.Storage;

/// <summary>
/// A row of the <c>consents</c> table, partitioned by panel: either a consent version's text (row key
/// <c>v|{version}</c>) or one participant's decision on one version (row key <c>d|{participant}|{version}</c>).
/// </summary>
public sealed class ConsentEntity : TableEntityBase
{
    public const string VersionPrefix = "v|";
    public const string DecisionPrefix = "d|";

    public static string VersionKey(string version) => VersionPrefix + version;

    public static string DecisionKey(string participantId, string version) => $"{DecisionPrefix}{participantId}|{version}";

    public string Version { get; set; } = "";

    /// <summary>A version row: the text as <see cref="Common.LocalizedText"/> JSON.</summary>
    public string? TextJson { get; set; }

    /// <summary>A version row: the title as JSON, or null.</summary>
    public string? TitleJson { get; set; }

    /// <summary>A version row: when it became the panel's consent.</summary>
    public DateTimeOffset? IntroducedAt { get; set; }

    /// <summary>A decision row: the participant's id.</summary>
    public string? ParticipantId { get; set; }

    /// <summary>A decision row: <c>agreed</c> or <c>declined</c>.</summary>
    public string? Decision { get; set; }

    public string? TextHash { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? Language { get; set; }

    public int? Wave { get; set; }
}
