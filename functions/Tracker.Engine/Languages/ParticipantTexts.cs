using System.Globalization;
using System.Text.RegularExpressions;
using Tracker.Engine.Panels;

namespace Tracker.Engine.Languages;

/// <summary>
/// The fixed words of participant pages and emails in one language, as one panel speaks it: the built-in catalog with
/// the panel's own <c>pageTexts</c> laid over it (<see cref="PageTextCatalog.For"/>). The web side renders from this;
/// it never holds a participant-facing word of its own.
/// </summary>
public sealed partial class ParticipantTexts
{
    private readonly IReadOnlyDictionary<string, string> texts;

    internal ParticipantTexts(string language, IReadOnlyDictionary<string, string> texts, IReadOnlyList<LanguageChoice> choices)
    {
        Language = language;
        this.texts = texts;
        Choices = choices;
        Culture = CultureOf(language);
        NumberCulture = Culture.NumberFormat.NumberDecimalSeparator is "." or "," ? Culture : CultureInfo.InvariantCulture;
    }

    /// <summary>English, for a page that knows no panel (a link that does not verify).</summary>
    public static ParticipantTexts English { get; } = new("en", PageTextCatalog.English, []);

    /// <summary>The BCP 47 tag the texts are in: the page's <c>lang</c>.</summary>
    public string Language { get; }

    /// <summary>Whether the page is <c>dir="rtl"</c>.</summary>
    public bool IsRightToLeft => PanelLanguages.IsRightToLeft(Language);

    /// <summary>The culture dates are written in (month and day names); the invariant culture when the platform lacks it.</summary>
    public CultureInfo Culture { get; }

    /// <summary>
    /// The culture numbers are written in: the language's, digits always Western. A culture whose decimal separator the
    /// form cannot read back (Arabic's ٫) writes numbers as the invariant culture does (3.5), so an example can be typed as shown.
    /// </summary>
    public CultureInfo NumberCulture { get; }

    /// <summary>The panel's languages for the selector; empty when the panel speaks one (then no selector is shown).</summary>
    public IReadOnlyList<LanguageChoice> Choices { get; }

    /// <summary>The text for <paramref name="key"/> (a <see cref="PageText"/> constant); English when a key is unknown here.</summary>
    public string this[string key] => texts.TryGetValue(key, out var text) ? text : PageTextCatalog.English.GetValueOrDefault(key, key);

    /// <summary>The text for <paramref name="key"/> with its <c>{name}</c> placeholders filled in one pass (so a value holding braces stays as it is).</summary>
    public string Fill(string key, params (string Name, object Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(this[key], match =>
        {
            foreach (var (name, value) in values)
            {
                if (name == match.Groups[1].Value) return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            }

            return match.Value;
        });
    }

    /// <summary>A number in this language: a count with the culture's thousands separators, anything else without (a year stays 1990).</summary>
    public string Number(double value, bool isCount = false) =>
        value.ToString(isCount ? "#,0.##########" : "0.##########", NumberCulture);

    /// <summary>An instant, already in the participant's zone, in words of this language, with the zone's id after it.</summary>
    public string When(DateTimeOffset local, string zoneId, bool email = false) =>
        local.ToString(this[email ? PageText.EmailDateTime : PageText.DateTime], Culture) + $" ({zoneId})";

    /// <summary>The placeholder names in <paramref name="text"/>.</summary>
    public static IEnumerable<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value);

    private static CultureInfo CultureOf(string language)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(language);
            // Dates keep the Gregorian calendar whatever the culture's default (ar-SA would write Hijri dates), since the
            // deadline must read the same as in the researcher's schedule.
            if (culture.Calendar is GregorianCalendar) return culture;
            var adjusted = (CultureInfo)culture.Clone();
            var gregorian = adjusted.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault();
            if (gregorian is not null) adjusted.DateTimeFormat.Calendar = gregorian;
            return CultureInfo.ReadOnly(adjusted);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
