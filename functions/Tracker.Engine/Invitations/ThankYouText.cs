using System.Globalization;
using Tracker.Engine.Panels;

namespace Tracker.Engine.Invitations;

/// <summary>The researcher's thank-you page, filled for one participant: a heading (null: the built-in one) and paragraphs.</summary>
public sealed record ThankYouText(string? Title, IReadOnlyList<string> Paragraphs)
{
    /// <summary>The panel's <c>templates.thankYou</c> in <paramref name="language"/>, or null when it has none.</summary>
    public static ThankYouText? For(Panel panel, int wave, string deadline, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        if (panel.Invitations.Templates?.ThankYou is not { } template) return null;
        language ??= panel.DefaultLanguage;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MessageTemplate.Wave] = wave.ToString(CultureInfo.InvariantCulture),
            [MessageTemplate.WaveCount] = panel.Schedule.Waves.ToString(CultureInfo.InvariantCulture),
            [MessageTemplate.Deadline] = deadline,
            [MessageTemplate.Study] = panel.Name,
            [MessageTemplate.Institution] = panel.Invitations.Institution?.For(language) ?? "",
        };
        var body = MessageTemplate.FillText(template.Body.For(language), values).Replace("\r\n", "\n", StringComparison.Ordinal);
        var paragraphs = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var title = template.Title is { } t ? MessageTemplate.FillText(t.For(language), values) : null;
        return new ThankYouText(title, paragraphs);
    }
}
