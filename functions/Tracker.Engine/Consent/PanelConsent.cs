using System.Security.Cryptography;
using System.Text;
using Tracker.Engine.Common;

namespace Tracker.Engine.Consent;

/// <summary>
/// The consent a panel asks for before its form: a version name the researcher gives, the text in every panel
/// language, and an optional title. A changed text is a new version, so every record names exactly what was shown.
/// </summary>
public sealed record PanelConsent(string Version, LocalizedText Text, LocalizedText? Title = null)
{
    /// <summary>The SHA-256 (lower-case hex) of the UTF-8 text shown in <paramref name="language"/>: what an ethics board can check a record against.</summary>
    public string HashFor(string language) => Hash(Text.For(language));

    /// <summary>The SHA-256 (lower-case hex) of exactly <paramref name="text"/> as UTF-8, no normalisation.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Whether <paramref name="other"/> shows the same words in every language (title included).</summary>
    public bool SameTextAs(PanelConsent other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Same(Text, other.Text) && Same(Title, other.Title);
    }

    private static bool Same(LocalizedText? a, LocalizedText? b) =>
        a is null || b is null ? a is null && b is null
        : a.Neutral == b.Neutral && a.ByLanguage.Count == b.ByLanguage.Count
          && a.ByLanguage.All(kv => b.ByLanguage.TryGetValue(kv.Key, out var text) && text == kv.Value);
}
