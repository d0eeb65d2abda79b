using Tracker.Analysis;
using Tracker.Analysis.Data;
using Tracker.Analysis.Formula;
using Tracker.Analysis.Growth;
using Tracker.Model.Aggregation;
using Tracker.Model.Time;

namespace Tracker.Model.Models;

/// <summary>
/// Builds the long table from a panel's responses and runs every model on it (pure: no I/O). Time is
/// <see cref="ModelTimeAxis"/>: days since the participant's first answered wave, the exports' <c>days</c>, so a
/// researcher refitting the exported CSV fits the very same model. The covariate model adds the participant's
/// baseline score on one co-creation mechanism (their first answered wave, centred) and its interaction with time.
/// </summary>
public static class WillingnessModelFitter
{
    /// <summary>
    /// Fits on the whole long table built in memory from <see cref="ModelInput.Responses"/>: for small inputs, and the
    /// reference the streamed <see cref="Fit(ModelInput, PanelAggregate)"/> is checked against.
    /// </summary>
    public static ModelDocument Fit(ModelInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Responses.Count == 0) throw new ArgumentException("A model needs at least one response.", nameof(input));

        var table = BuildTable(input);
        var formula = WillingnessFormula.Growth(input.Outcome);
        var report = Analyze(table, input.Outcome, formula, null);
        var crossLagged = CrossLaggedPaths.Collector(input, CrossLaggedPaths.ClosedWaves(input));
        foreach (var response in input.Responses) crossLagged.Add(response.Wave, response.ParticipantId, response.Scores);
        return Document(input, report, FitCovariate(input, table), CrossLaggedPaths.Fit(crossLagged, input.Outcome));
    }

    /// <summary>
    /// Fits on what <paramref name="aggregate"/> accumulated while the responses streamed past (completed); the panel's
    /// description comes from <paramref name="panel"/>, whose <see cref="ModelInput.Responses"/> are not read. The
    /// document is the one <see cref="Fit(ModelInput)"/> gives on the same responses, number for number. The
    /// cross-lagged paths come from <paramref name="crossLagged"/>, fed from the same stream; none without it.
    /// </summary>
    public static ModelDocument Fit(ModelInput panel, PanelAggregate aggregate, CrossLaggedScores? crossLagged = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(aggregate);
        if (aggregate.Responses == 0) throw new ArgumentException("A model needs at least one response.", nameof(aggregate));

        var table = aggregate.ModelTable();
        ModelMemory.ReleaseBetweenStages(table.RowCount);
        var formula = WillingnessFormula.Growth(panel.Outcome);
        var report = Analyze(table, panel.Outcome, formula, aggregate);
        ModelMemory.ReleaseBetweenStages(table.RowCount);
        var covariate = FitCovariate(panel, table);
        return Document(panel, report, covariate, CrossLaggedPaths.Fit(crossLagged, panel.Outcome, cancellationToken));
    }

    private static ModelDocument Document(ModelInput input, PanelReport report, CovariateModelDocument? covariate, IReadOnlyList<RiclpmDocument>? crossLagged) => new()
    {
        PanelId = input.PanelId,
        PanelName = input.PanelName,
        FittedAt = input.FittedAt,
        LatestResponseAt = input.LatestResponseAt,
        MinimumCellSize = input.MinimumCellSize,
        Outcome = input.Outcome,
        WavesPlanned = input.WavesPlanned,
        ScaleMin = input.ScaleMin,
        ScaleMax = input.ScaleMax,
        Time = ModelTimeAxis.Describe(),
        Constructs = input.Constructs,
        Waves = input.Waves,
        Analysis = ModelDocumentFactory.FromReport(report),
        CovariateModel = covariate,
        CrossLaggedPaths = crossLagged,
    };

    /// <summary>
    /// Runs every model. When the growth model's data are unusable in a way the library reports by throwing (after the
    /// first wave the random slope of a constant time throws), the other sections are still wanted: they are computed
    /// with an intercept-only growth formula and the growth section keeps the real formula and the problem.
    /// </summary>
    private static PanelReport Analyze(LongTable table, string outcome, string formula, PanelAggregate? aggregate)
    {
        try
        {
            return Analyze(table, WillingnessFormula.Options(outcome, formula), aggregate);
        }
        catch (AnalysisException problem) when (problem is not FormulaException)
        {
            var report = Analyze(table, WillingnessFormula.Options(outcome, WillingnessFormula.InterceptOnly(outcome)), aggregate);
            return report with { Growth = new GrowthOutcome(formula, null, problem.Message) };
        }
    }

    /// <summary>The whole table's sections, or the models on the narrow table with the per-wave sections the aggregate summarised as it read.</summary>
    private static PanelReport Analyze(LongTable table, PanelAnalysisOptions options, PanelAggregate? aggregate) => aggregate is null
        ? PanelAnalysis.Analyze(table, options)
        : PanelAnalysis.Analyze(table, options, aggregate.Descriptives(options), aggregate.Reliability());

    /// <summary>participant_id, wave, days, one column per construct score and per item (items named {construct}_{n}).</summary>
    public static LongTable BuildTable(ModelInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rows = input.Responses.OrderBy(r => r.Wave).ThenBy(r => r.ParticipantId, StringComparer.Ordinal).ToList();
        var days = input.Waves.ToDictionary(w => w.Wave, w => w.Days);
        var constructs = input.Constructs.Select(c => c.Id).ToList();
        var items = rows.SelectMany(r => r.Answers.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var columns = new List<TableColumn>
        {
            TableColumn.FromTexts(WillingnessFormula.Subject, rows.Select(r => (string?)r.ParticipantId).ToArray()),
            TableColumn.FromNumbers(WillingnessFormula.Wave, rows.Select(r => (double)r.Wave).ToArray()),
            TableColumn.FromNumbers(ModelTimeAxis.Column, rows.Select(r => r.Days ?? (days.TryGetValue(r.Wave, out var d) ? d : double.NaN)).ToArray()),
        };
        columns.AddRange(constructs.Select(c => TableColumn.FromNumbers(c, rows.Select(r => r.Scores.TryGetValue(c, out var s) && s is { } v ? v : double.NaN).ToArray())));
        // Items enter Cronbach's α, which needs every item keyed the same way as its construct: reverse-keyed answers are reversed.
        columns.AddRange(items.Where(i => !constructs.Contains(i)).Select(i => TableColumn.FromNumbers(i, rows.Select(r => r.Answers.TryGetValue(i, out var a)
            ? input.ReversedItems.Contains(i) ? input.ScaleMin + input.ScaleMax - a : a
            : double.NaN).ToArray())));
        return new LongTable(columns);
    }

    private static CovariateModelDocument? FitCovariate(ModelInput input, LongTable table)
    {
        var construct = input.CovariateConstruct;
        if (construct is null || construct == input.Outcome || !table.Contains(construct)) return null;

        // Baseline: the score in the participant's first answered wave, so the covariate cannot be caused by later change.
        // Kept per participant code (the grouping the models use anyway), not per id string: at a million participants a
        // dictionary by id and the ids spelled out row by row were the largest things this model allocated.
        var groups = GroupIndex.Build(table.Column(WillingnessFormula.Subject));
        var waves = table.Numbers(WillingnessFormula.Wave);
        var scores = table.Numbers(construct);
        var baselineWave = new double[groups.Count];
        var baselineScore = new double[groups.Count];
        baselineScore.AsSpan().Fill(double.NaN);
        // Participants in the order their first score appears: the mean sums them in that order.
        var scored = new List<int>();
        for (var i = 0; i < groups.Codes.Length; i++)
        {
            var code = groups.Codes[i];
            if (double.IsNaN(scores[i]) || code < 0) continue;
            if (double.IsNaN(baselineScore[code])) scored.Add(code);
            else if (!(waves[i] < baselineWave[code])) continue;
            baselineWave[code] = waves[i];
            baselineScore[code] = scores[i];
        }

        var covariate = $"baseline_{construct}";
        var formula = WillingnessFormula.WithCovariate(input.Outcome, covariate);
        if (scored.Count == 0)
        {
            return new CovariateModelDocument(construct, covariate, null, new GrowthDocument { Formula = formula, Converged = false, Message = $"no participant has a score on '{construct}'" });
        }

        var sum = 0.0;
        foreach (var code in scored) sum += baselineScore[code];
        var mean = sum / scored.Count;
        var column = new double[groups.Codes.Length];
        for (var i = 0; i < column.Length; i++)
        {
            var code = groups.Codes[i];
            column[i] = code < 0 ? double.NaN : baselineScore[code] - mean;
        }

        var withCovariate = new LongTable(table.Columns.Append(TableColumn.FromNumbers(covariate, column)));
        GrowthDocument growth;
        try
        {
            growth = ModelDocumentFactory.Growth(new GrowthOutcome(formula, GrowthModel.Fit(withCovariate, formula), null));
        }
        catch (AnalysisException e) when (e is not FormulaException)
        {
            growth = new GrowthDocument { Formula = formula, Converged = false, Message = e.Message };
        }

        return new CovariateModelDocument(construct, covariate, mean, growth);
    }
}
