using Microsoft.Extensions.Logging;
using Tracker.Analysis;
using Tracker.Engine.Exports;
using Tracker.Engine.Invitations;
using Tracker.Engine.Panels;
using Tracker.Engine.Storage;
using Tracker.Model.Models;
using Tracker.Model.Time;
using Tracker.Engine.Telemetry;

namespace Tracker.Engine.Models;

/// <summary>
/// The aggregation: for each panel whose responses or wave states changed since its latest model, read every wave's
/// responses (a sealed wave from its snapshot blob, an open one from the responses table), run the models (<see cref="WillingnessModelFitter"/>), and store the result. A run with nothing new
/// does nothing, and two runs at once at worst both store the same model.
/// </summary>
public sealed class WillingnessModelService
{
    private readonly PanelRepository panels;
    private readonly IResponseSource responses;
    private readonly InvitationLedger ledger;
    private readonly ModelStore store;
    private readonly TimeProvider clock;
    private readonly ILogger<WillingnessModelService> logger;

    public WillingnessModelService(PanelRepository panels, IResponseSource responses, InvitationLedger ledger, ModelStore store, TimeProvider clock, ILogger<WillingnessModelService> logger)
    {
        this.panels = panels;
        this.responses = responses;
        this.ledger = ledger;
        this.store = store;
        this.clock = clock;
        this.logger = logger;
    }

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
        var input = await ReadInputAsync(panel, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var latest = await store.GetLatestAsync(panel.Id, cancellationToken).ConfigureAwait(false);
        if (input.Responses.Count == 0) return new ModelFitOutcome(panel.Id, latest, false);
        if (latest is not null && !IsStale(latest, input.LatestResponseAt, input.Waves))
        {
            return new ModelFitOutcome(panel.Id, latest, false);
        }

        var model = WillingnessModelFitter.Fit(input);
        await store.SaveAsync(model, cancellationToken).ConfigureAwait(false);
        EngineTelemetry.ModelFitted(panel.Id, input.Responses.Count);
        logger.LogInformation("Fitted the willingness model of panel {PanelId}: {Responses} responses over {Waves} waves, decay converged: {Converged}",
            panel.Id, input.Responses.Count, input.Waves.Count, model.Analysis.Decay.Converged);
        return new ModelFitOutcome(panel.Id, model, true);
    }

    /// <summary>
    /// Everything the fit reads, as of <paramref name="now"/>: every started wave's responses (through the response
    /// source, so sealed waves come from their snapshots) and invitation counts. Public so the benchmark and the tests
    /// can time and compare the reading apart from the fitting.
    /// </summary>
    public async Task<ModelInput> ReadInputAsync(Panel panel, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var started = Enumerable.Range(1, panel.Schedule.Waves).Where(w => panel.Schedule.StateAt(w, now) != WaveState.Scheduled).ToList();
        var read = new List<(Responses.StoredResponse Response, int Wave)>();
        var waves = new List<WaveRow>();
        DateTimeOffset? newest = null;
        foreach (var wave in started)
        {
            var count = 0;
            await foreach (var response in responses.ReadWaveAsync(panel.Id, wave, cancellationToken).ConfigureAwait(false))
            {
                read.Add((response, wave));
                if (newest is null || response.SubmittedAt > newest) newest = response.SubmittedAt;
                count++;
            }

            var rows = await ledger.ReadWaveAsync(panel.Id, wave, cancellationToken).ConfigureAwait(false);
            var invited = rows.Values.Count(r => r.Kind == MessageKind.Invite && r.State == InvitationEntity.Sent);
            waves.Add(new WaveRow
            {
                Wave = wave,
                OpensAt = panel.Schedule.OpensAt(wave),
                ClosesAt = panel.Schedule.ClosesAt(wave),
                State = panel.Schedule.StateAt(wave, now).ToString().ToLowerInvariant(),
                Days = (panel.Schedule.OpensAt(wave) - panel.Schedule.Start).TotalDays,
                Invited = invited,
                Responded = count,
                ResponseRate = invited == 0 ? null : Math.Round((double)count / invited, 4),
            });
        }

        var first = ModelTimeAxis.FirstAnswered(read.Select(r => new TimedAnswer(r.Response.ParticipantId, r.Wave, r.Response.SubmittedAt)));
        var records = read.Select(r => new ResponseRecord(r.Response.ParticipantId, r.Wave, r.Response.Scores, r.Response.Answers)
        {
            Days = ModelTimeAxis.Between(first[r.Response.ParticipantId], r.Response.SubmittedAt),
        }).ToList();
        var meanDays = records.GroupBy(r => r.Wave).ToDictionary(g => g.Key, g => ModelTimeAxis.WaveMean(g.Select(r => r.Days!.Value)));
        waves = waves.Select(w => meanDays.TryGetValue(w.Wave, out var mean) ? w with { Days = mean } : w).ToList();

        return new ModelInput
        {
            PanelId = panel.Id,
            PanelName = panel.Name,
            MinimumCellSize = panel.MinimumCellSize,
            WavesPlanned = panel.Schedule.Waves,
            ScaleMin = panel.Instrument.Scale.Min,
            ScaleMax = panel.Instrument.Scale.Max,
            Constructs = panel.Instrument.Constructs.Select(c => new ConstructInfo(c.Id, c.Name, c.Layer)).ToList(),
            ReversedItems = panel.Instrument.Items.Where(i => i.Reversed).Select(i => i.Id).ToHashSet(StringComparer.Ordinal),
            Waves = waves,
            Responses = records,
            FittedAt = now,
            LatestResponseAt = newest,
        };
    }

    /// <summary>Newer answers, a wave that opened or closed, or a changed invitation count since the stored model.</summary>
    private static bool IsStale(ModelDocument latest, DateTimeOffset? newest, IReadOnlyList<WaveRow> waves) =>
        newest > latest.LatestResponseAt
        || latest.Waves.Count != waves.Count
        || latest.Waves.Zip(waves).Any(pair => pair.First.State != pair.Second.State || pair.First.Invited != pair.Second.Invited || pair.First.Responded != pair.Second.Responded);
}
