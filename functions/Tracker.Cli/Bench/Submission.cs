namespace Tracker.Cli.Bench;

/// <summary>One participant's form post: their link (path under the API's base URL) and the answers it carries.</summary>
public sealed record Submission(string PanelId, string ParticipantId, string Path, IReadOnlyDictionary<string, int> Answers);
