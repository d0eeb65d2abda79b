using Microsoft.Extensions.Logging;
using Tracker.Engine.Common;

namespace Tracker.Engine.Panels;

/// <summary>Creating and finding panels.</summary>
public sealed class PanelService(PanelRepository repository, Surveys.PanelDefinitionCache definitions, TimeProvider clock, ILogger<PanelService> logger, Consent.ConsentRepository? consents = null)
{
    public async Task<Validation<Panel>> CreateAsync(PanelDefinition? definition, CancellationToken cancellationToken, IReadOnlyList<string>? readProblems = null)
    {
        var validation = PanelDefinitionValidator.Validate(definition, Ids.NewPanelId(), clock.GetUtcNow(), readProblems);
        if (!validation.IsValid)
        {
            return validation;
        }

        var panel = validation.Value!;
        // The consent's words are kept before the panel exists, so no participant can be shown a version whose text is not stored.
        if (panel.Consent is not null && consents is not null) await consents.AddVersionAsync(panel.Id, panel.Consent, panel.CreatedAt, cancellationToken).ConfigureAwait(false);
        await repository.CreateAsync(panel, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Created panel {PanelId} with {Waves} waves and instrument {InstrumentId}", panel.Id, panel.Schedule.Waves, panel.Instrument.Id);
        return validation;
    }

    public IReadOnlyList<string> Warnings(Panel panel) => PanelDefinitionValidator.Warnings(panel, clock.GetUtcNow());

    /// <summary>
    /// Closes the study: nothing more is sent and its links answer "this study has ended"; its data stay. Closing a
    /// closed panel changes nothing (the first close's time stays). Null when there is no such panel.
    /// </summary>
    public async Task<Panel?> CloseAsync(string panelId, CancellationToken cancellationToken)
    {
        var panel = await repository.CloseAsync(panelId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (panel is null) return null;
        definitions.Forget(panel.Id);
        logger.LogInformation("Panel {PanelId} is closed (since {ClosedAt:O})", panel.Id, panel.ClosedAt);
        return panel;
    }

    public Task<Panel?> GetAsync(string panelId, CancellationToken cancellationToken) => repository.GetAsync(panelId, cancellationToken);
}
