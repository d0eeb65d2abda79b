using Tracker.Engine.Panels;
using Tracker.Engine.Storage;

namespace Tracker.Engine.Languages;

/// <summary>
/// A participant's language: stored with their contact (so erasure removes it with the address), the panel's default
/// when none is stored or the contact is gone. The survey pages and the dispatcher both ask here.
/// </summary>
public static class ParticipantLanguage
{
    /// <summary>The panel language <paramref name="contact"/> reads (the default when it has none, or is erased).</summary>
    public static string Of(Panel panel, ContactEntity? contact) => PanelLanguages.Match(panel, contact?.Language);

    /// <summary>
    /// The panel's own tag for <paramref name="requested"/> — the same tag in any letter case, or a regional variant of
    /// a language the panel speaks (de-AT for a panel in de) — or null when the panel does not speak it.
    /// </summary>
    public static string? Find(IReadOnlyList<string> languages, string requested)
    {
        ArgumentNullException.ThrowIfNull(languages);
        ArgumentNullException.ThrowIfNull(requested);
        var exact = languages.FirstOrDefault(l => string.Equals(l, requested, StringComparison.OrdinalIgnoreCase));
        if (exact is not null) return exact;
        var primary = requested.Split('-', 2)[0];
        var same = languages.Where(l => string.Equals(l.Split('-', 2)[0], primary, StringComparison.OrdinalIgnoreCase)).ToList();
        return same.Count == 1 ? same[0] : null;
    }
}
