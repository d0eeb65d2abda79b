using Microsoft.Extensions.Logging;
using Tracker.Engine.Panels;
using Tracker.Engine.Surveys;

namespace Tracker.Engine.Consent;

/// <summary>The researcher's side of consent: the record (JSON and CSV) and changing the text to a new version.</summary>
public sealed class ConsentAdmin(PanelRepository panels, ConsentRepository consents, PanelDefinitionCache definitions, TimeProvider clock, ILogger<ConsentAdmin> logger)
{
    /// <summary>Null when there is no such panel.</summary>
    public async Task<ConsentReport?> ReportAsync(string panelId, CancellationToken cancellationToken)
    {
        var panel = await panels.GetAsync(panelId, cancellationToken).ConfigureAwait(false);
        if (panel is null) return null;
        var versions = (await consents.ListVersionsAsync(panel.Id, cancellationToken).ConfigureAwait(false)).ToList();

        // A panel whose version row was never written (a failure between the two writes) still shows its current text.
        if (panel.Consent is { } current && !versions.Exists(v => v.Version == current.Version)) versions.Add(new ConsentVersion(current.Version, current.Text, current.Title, panel.CreatedAt));
        var records = await consents.ListDecisionsAsync(panel.Id, cancellationToken).ConfigureAwait(false);
        return new ConsentReport(
            panel.Id,
            panel.Consent?.Version,
            [.. versions.Select(v => new ConsentReport.VersionEntry(v.Version, v.IntroducedAt, [.. panel.Languages.Select(l => new ConsentReport.TextEntry(l, v.Title?.For(l), v.Text.For(l), v.Consent.HashFor(l)))]))],
            [.. records.Select(r => new ConsentReport.Entry(r.ParticipantId, r.Version, r.TextHash, ConsentDecisions.Name(r.Decision), r.DecidedAt, r.Language, r.Wave))]);
    }

    /// <summary>Writes consent.csv; false when there is no such panel.</summary>
    public async Task<bool> WriteCsvAsync(string panelId, TextWriter writer, CancellationToken cancellationToken)
    {
        var panel = await panels.GetAsync(panelId, cancellationToken).ConfigureAwait(false);
        if (panel is null) return false;
        await ConsentCsv.WriteAsync(await consents.ListDecisionsAsync(panel.Id, cancellationToken).ConfigureAwait(false), writer, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Makes <paramref name="definition"/> the panel's consent. A new version is asked of every participant at their next
    /// link; the same version with the same words changes nothing; the same version with other words is refused (409), since
    /// records name a version and the text behind it must never change. Null when there is no such panel.
    /// </summary>
    public async Task<ConsentChange?> ChangeAsync(string panelId, ConsentDefinition? definition, IReadOnlyList<string> readProblems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readProblems);
        var panel = await panels.GetAsync(panelId, cancellationToken).ConfigureAwait(false);
        if (panel is null) return null;
        var problems = new List<string>();
        var consent = ConsentValidator.Resolve(definition ?? new ConsentDefinition { Given = true }, panel.Languages, problems);
        if (readProblems.Count > 0 || consent is null) return new ConsentChange(null, PanelDefinitionValidator.Merge(readProblems, problems));

        var known = await consents.GetVersionAsync(panel.Id, consent.Version, cancellationToken).ConfigureAwait(false);
        var earlier = known?.Consent ?? (panel.Consent?.Version == consent.Version ? panel.Consent : null);
        if (earlier is not null && !earlier.SameTextAs(consent))
        {
            return new ConsentChange(null, [$"consent.version: '{consent.Version}' was already used with a different text; a changed text needs a new version"], IsConflict: true);
        }

        // The version's text first: a panel row never names a version whose words are not kept.
        await consents.AddVersionAsync(panel.Id, consent, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (!await panels.ReplaceConsentAsync(panel.Id, consent, cancellationToken).ConfigureAwait(false))
        {
            return new ConsentChange(null, ["The panel changed while the consent was being saved; send the request again."], IsConflict: true);
        }

        definitions.Forget(panel.Id);
        logger.LogInformation("Panel {PanelId} now asks for consent version {Version}", panel.Id, consent.Version);
        return new ConsentChange(panel with { Consent = consent }, []);
    }
}
