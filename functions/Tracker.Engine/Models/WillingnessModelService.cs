using Microsoft.Extensions.Logging;
using Tracker.Analysis;
using Tracker.Engine.Exports;
using Tracker.Engine.Invitations;
using Tracker.Engine.Panels;
using Tracker.Engine.Storage;
using Tracker.Model.Aggregation;
using Tracker.Model.Models;
using Tracker.Engine.Telemetry;

namespace Tracker.Engine.Models;

/// <summary>
/// The aggregation: for each panel whose responses or wave states changed since its latest model, stream every wave's
/// responses (a sealed wave from its snapshot blob, an open one from the responses table) into what the models need
/// (<see cref="PanelAggregate"/>), run the models (<see cref="WillingnessModelFitter"/>), and store the result. A run with nothing new
/// does nothing, and two runs at once at worst both store the same model.
/// </summary>
public sealed class WillingnessModelService(PanelRepository panels, IResponseSource responses, InvitationLedger ledger, ModelStore store, TimeProvider clock, ILogger<WillingnessModelService> logger)
{
    public async Task<IReadOnlyList<ModelFitOutcome>> FitDueAsync(CancellationToken cancellationToken)
    {
        var outcomes = new List<ModelFitOutcome>();
        await foreach (var panel in panels.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                outcomes.Add(await FitIfStaleAsync(panel, cancellationToken).ConfigureAwait(false));
            }
            catch (AnalysisException ex)
            {
                // One panel's unusable data must not stop the others; the message names the problem, not a person.
                logger.LogWarning("Panel {PanelId} could not be modelled: {Problem}", panel.Id, ex.Message);
            }
        }

        return outcomes;
    }

    /// <summary>The panel's current model, fitted now if responses arrived or a wave closed since the stored one.</summary>
    public async Task<ModelFitOutcome> FitIfStaleAsync(Panel panel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(panel);
        using var activity = EngineTelemetry.StartModelFit(panel.Id);
        var reading = await ReadAsync(panel, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var latest = await store.GetLatestAsync(panel.Id, cancellationToken).ConfigureAwait(false);
        if (reading.Aggregate.Responses == 0) return new ModelFitOutcome(panel.Id, latest, false);
        if (latest is not null && !IsStale(latest, reading.Panel.LatestResponseAt, reading.Panel.Waves))
        {
            return new ModelFitOutcome(panel.Id, latest, false);
        }

        var model = WillingnessModelFitter.Fit(reading.Panel, reading.Aggregate, reading.CrossLagged, cancellationToken) with { CarelessFlagged = reading.CarelessFlagged, CarelessExcluded = reading.CarelessExcluded, PartialExcluded = reading.PartialExcluded };
        await store.SaveAsync(model, cancellationToken).ConfigureAwait(false);
        EngineTelemetry.ModelFitted(panel.Id, reading.Aggregate.Responses);
        logger.LogInformation("Fitted the willingness model of panel {PanelId}: {Responses} responses over {Waves} waves, decay converged: {Converged}",
            panel.Id, reading.Aggregate.Responses, reading.Panel.Waves.Count, model.Analysis.Decay.Converged);
        return new ModelFitOutcome(panel.Id, model, true);
    }

    /// <summary>
    /// Everything the fit reads, as of <paramref name="now"/>: every started wave's responses (through the response
    /// source, so sealed waves come from their snapshots) streamed one wave at a time into a <see cref="PanelAggregate"/>
    /// (no response is kept once its wave has been summarised), and each wave's invitation count. Public so the
    /// benchmark and the tests can time and compare the reading apart from the fitting.
    /// </summary>
    public async Task<ModelReading> ReadAsync(Panel panel, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var header = Describe(panel, now);
        var aggregate = PanelAggregate.For(header);
        var started = Enumerable.Range(1, panel.Schedule.Waves).Where(w => panel.Schedule.StateAt(w, now) != WaveState.Scheduled).ToList();
        // The cross-lagged paths use closed waves only: an open wave's scores are still arriving.
        var crossLagged = CrossLaggedPaths.Collector(header, [.. started.Where(w => panel.Schedule.StateAt(w, now) == WaveState.Closed)]);
        var invited = new Dictionary<int, int>();
        var careless = new CarelessFilter(panel);
        var complete = new CompleteResponseSource(responses, panel.Models.IncludePartial);
        // Each response is read once into positions the careless pass, the aggregate and the cross-lagged scores all
        // read: a sealed wave straight from its text, no response object or dictionary per row.
        var row = new ModelRow(panel.Instrument);
        aggregate.UseAnswerLayout(row.Items);
        crossLagged.UseScoreLayout(row.Constructs);
        DateTimeOffset? newest = null;
        foreach (var wave in started)
        {
            await foreach (var loaded in careless.ReadWaveAsync(complete, wave, row, cancellationToken).ConfigureAwait(false))
            {
                // A table row with answers beyond the instrument's items keeps them, as by name (a sealed row has none).
                if (loaded.Response is { } response && !loaded.OnlyInstrumentItems) aggregate.Add(wave, loaded.ParticipantId, loaded.SubmittedAt, response.Scores, response.Answers);
                else aggregate.Add(wave, loaded.ParticipantId, loaded.SubmittedAt, loaded.Scores, loaded.Answers);
                crossLagged.Add(wave, loaded.ParticipantId, loaded.Scores);
                if (newest is null || loaded.SubmittedAt > newest) newest = loaded.SubmittedAt;
            }

            var rows = await ledger.ReadWaveAsync(panel.Id, wave, cancellationToken).ConfigureAwait(false);
            invited[wave] = rows.Values.Count(r => r.Kind == MessageKind.Invite && r.State == InvitationEntity.Sent);
        }

        aggregate.Complete();
        var tallies = aggregate.Waves.ToDictionary(t => t.Wave);
        var waves = started.Select(wave =>
        {
            var tally = tallies.GetValueOrDefault(wave);
            // Responses left out as careless still count as answers to the wave (its response rate).
            var count = (tally?.Responded ?? 0) + careless.ExcludedIn(wave);
            return new WaveRow
            {
                Wave = wave,
                OpensAt = panel.Schedule.OpensAt(wave),
                ClosesAt = panel.Schedule.ClosesAt(wave),
                State = panel.Schedule.StateAt(wave, now).ToString().ToLowerInvariant(),
                // A wave nobody answered yet sits where the schedule puts it; one with answers at their mean days.
                Days = tally?.MeanDays ?? (panel.Schedule.OpensAt(wave) - panel.Schedule.Start).TotalDays,
                Invited = invited[wave],
                Responded = count,
                ResponseRate = invited[wave] == 0 ? null : Math.Round((double)count / invited[wave], 4),
            };
        }).ToList();

        return new ModelReading(header with { Waves = waves, LatestResponseAt = newest }, aggregate, crossLagged)
        {
            CarelessFlagged = careless.Flagged,
            CarelessExcluded = panel.Careless.ExcludeFromModels ? careless.Excluded : null,
            PartialExcluded = panel.Models.IncludePartial ? null : complete.Excluded,
        };
    }

    /// <summary>The panel as the model document describes it; waves and the latest response are filled in by the reading.</summary>
    private static ModelInput Describe(Panel panel, DateTimeOffset now) => new()
    {
        PanelId = panel.Id,
        PanelName = panel.Name,
        MinimumCellSize = panel.MinimumCellSize,
        WavesPlanned = panel.Schedule.Waves,
        ScaleMin = panel.Instrument.Scale.Min,
        ScaleMax = panel.Instrument.Scale.Max,
        Constructs = panel.Instrument.Constructs.Select(c => new ConstructInfo(c.Id, c.Name, c.Layer)).ToList(),
        ReversedItems = panel.Instrument.Items.Where(i => i.Reversed).Select(i => i.Id).ToHashSet(StringComparer.Ordinal),
        Waves = [],
        FittedAt = now,
    };

    /// <summary>Newer answers, a wave that opened or closed, or a changed invitation count since the stored model.</summary>
    private static bool IsStale(ModelDocument latest, DateTimeOffset? newest, IReadOnlyList<WaveRow> waves) =>
        newest > latest.LatestResponseAt
        || latest.Waves.Count != waves.Count
        || latest.Waves.Zip(waves).Any(pair => pair.First.State != pair.Second.State || pair.First.Invited != pair.Second.Invited || pair.First.Responded != pair.Second.Responded);
}
