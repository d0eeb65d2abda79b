using System.ComponentModel.DataAnnotations;

namespace Tracker.Engine.Configuration;

/// <summary>
/// Link-signing keys (app settings <c>Links__ActiveKeyId</c> and <c>Links__Keys__{id}</c>, base64, at least 32 bytes).
/// Several keys may be present so that links signed before a rotation keep working until they expire.
/// </summary>
public sealed class LinkOptions
{
    public const string Section = "Links";

    [Required]
    public string ActiveKeyId { get; set; } = "";

    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long after a wave closes its links stop verifying at all.</summary>
    public TimeSpan GraceAfterClose { get; set; } = TimeSpan.FromDays(1);
}
