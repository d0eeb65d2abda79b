using System.Collections.Concurrent;
using Tracker.Engine.Panels;

namespace Tracker.Engine.Surveys;

/// <summary>
/// Panel definitions for the participant pages, kept for <see cref="FreshFor"/>: every form view and submission needs
/// its panel's instrument and schedule, and reading the same row on each of thousands of submissions a minute added a
/// storage round trip to every one of them. The instrument never changes after creation; a schedule edit reaches the
/// participant pages within <see cref="FreshFor"/> (a wave closed or moved by an edit may accept answers that long on an
/// instance that read it just before). Missing panels are not cached (one created a moment later must work at once).
/// An expired entry is still offered by <see cref="TryGetStale"/>, only to redraw a form while storage is down.
/// Ages run on the real clock (like the SMTP retries): an accelerated or fake app clock must not stretch or freeze them.
/// </summary>
public sealed class PanelDefinitionCache(PanelRepository panels)
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(10);

    /// <summary>Enough for every panel a deployment runs at once; past it the cache starts over rather than grow.</summary>
    public const int MaxEntries = 1000;

    private readonly ConcurrentDictionary<string, (Panel Panel, long ReadAt)> entries = new(StringComparer.Ordinal);

    public async Task<Panel?> GetAsync(string panelId, CancellationToken cancellationToken)
    {
        if (entries.TryGetValue(panelId, out var entry) && TimeProvider.System.GetElapsedTime(entry.ReadAt) < FreshFor)
        {
            return entry.Panel;
        }

        var panel = await panels.GetAsync(panelId, cancellationToken).ConfigureAwait(false);
        if (panel is null)
        {
            entries.TryRemove(panelId, out _);
            return null;
        }

        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        entries[panelId] = (panel, TimeProvider.System.GetTimestamp());
        return panel;
    }

    /// <summary>Drops the panel's entry, so this instance's participant pages see a close or deletion at once (others within <see cref="FreshFor"/>).</summary>
    public void Forget(string panelId) => entries.TryRemove(panelId, out _);

    /// <summary>The last definition read, however old; for rendering a page when storage cannot be asked.</summary>
    public bool TryGetStale(string panelId, out Panel? panel)
    {
        var found = entries.TryGetValue(panelId, out var entry);
        panel = found ? entry.Panel : null;
        return found;
    }
}
