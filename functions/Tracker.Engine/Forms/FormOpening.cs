using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Tracker.Engine.Configuration;
using Tracker.Engine.Links;

namespace Tracker.Engine.Forms;

/// <summary>
/// When the survey form was served, carried by the page itself in a hidden field and signed with the link key
/// (derived for this use only, so the stamp can never pass as a link). Signing, not a server-side row, because the
/// form must keep working when storage is slow and a page view must not cost a write; binding the stamp to panel,
/// participant and wave stops one page's stamp from timing another's answers. A missing, forged or foreign stamp
/// gives no time at all (the response is still saved: a page served before this existed has no stamp).
/// </summary>
public sealed class FormOpening(IOptionsMonitor<LinkOptions> options, TimeProvider clock)
{
    /// <summary>The hidden field's name; it cannot clash with an item id, which never starts with an underscore.</summary>
    public const string FieldName = "_opened";

    private const string Version = "1";
    private const int MaxStampLength = 300;
    private static readonly byte[] Label = Encoding.UTF8.GetBytes("tracker-form-opened");

    /// <summary>The stamp for a form served now; null when no link key is configured (the form is then simply not timed).</summary>
    public string? Issue(string panelId, string participantId, int wave)
    {
        var current = options.CurrentValue;
        var key = SignedToken.Key(current, current.ActiveKeyId, Label);
        if (key is null) return null;
        var openedAt = clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture);
        return SignedToken.Seal(key, Version, current.ActiveKeyId, panelId, participantId, wave.ToString(CultureInfo.InvariantCulture), openedAt);
    }

    /// <summary>When the form this stamp came with was served, or null unless the stamp is ours and for this very form.</summary>
    public DateTimeOffset? OpenedAt(string? stamp, string panelId, string participantId, int wave)
    {
        if (SignedToken.Open(stamp, MaxStampLength) is not { Fields: [Version, var keyId, var panel, var participant, var waveText, var opened] } token) return null;
        if (!token.IsSignedBy(SignedToken.Key(options.CurrentValue, keyId, Label))) return null;
        if (panel != panelId || participant != participantId || waveText != wave.ToString(CultureInfo.InvariantCulture)) return null;
        return long.TryParse(opened, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;
    }

    /// <summary>Seconds from serving the form to <paramref name="submittedAt"/>; null without a valid stamp or when the clock says it was submitted before it was served.</summary>
    public double? SecondsToSubmit(string? stamp, string panelId, string participantId, int wave, DateTimeOffset submittedAt) =>
        OpenedAt(stamp, panelId, participantId, wave) is { } opened && opened <= submittedAt ? (submittedAt - opened).TotalSeconds : null;

    /// <summary>The stamp a posted form carries (the last, should a client send it twice), or null.</summary>
    public static string? Posted(PostedAnswers form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.Fields.LastOrDefault(f => string.Equals(f.Key, FieldName, StringComparison.Ordinal)).Value;
    }
}
