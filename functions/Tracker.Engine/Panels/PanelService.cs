using Microsoft.Extensions.Logging;
using Tracker.Engine.Common;

namespace Tracker.Engine.Panels;

/// <summary>Creating and finding panels.</summary>
public sealed class PanelService
{
    private readonly PanelRepository repository;
    private readonly TimeProvider clock;
    private readonly ILogger<PanelService> logger;

    public PanelService(PanelRepository repository, TimeProvider clock, ILogger<PanelService> logger)
    {
        this.repository = repository;
        this.clock = clock;
        this.logger = logger;
    }

    public async Task<Validation<Panel>> CreateAsync(PanelDefinition? definition, CancellationToken cancellationToken, IReadOnlyList<string>? readProblems = null)
    {
        var validation = PanelDefinitionValidator.Validate(definition, Ids.NewPanelId(), clock.GetUtcNow(), readProblems);
        if (!validation.IsValid)
        {
            return validation;
        }

        var panel = validation.Value!;
        await repository.CreateAsync(panel, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Created panel {PanelId} with {Waves} waves and instrument {InstrumentId}", panel.Id, panel.Schedule.Waves, panel.Instrument.Id);
        return validation;
    }

    public IReadOnlyList<string> Warnings(Panel panel) => PanelDefinitionValidator.Warnings(panel, clock.GetUtcNow());

    public Task<Panel?> GetAsync(string panelId, CancellationToken cancellationToken) => repository.GetAsync(panelId, cancellationToken);
}
