using System.Runtime.ExceptionServices;
using Tracker.Analysis.Data;
using Tracker.Analysis.Decay;
using Tracker.Analysis.Descriptives;
using Tracker.Analysis.Formula;
using Tracker.Analysis.Growth;
using Tracker.Analysis.Persistence;
using Tracker.Analysis.Reliability;
using Tracker.Analysis.Retention;
using Tracker.Analysis.Riclpm;

namespace Tracker.Analysis;

/// <summary>
/// The single entry point: a long-format table in memory in, every section out (growth, decay,
/// persistence, retention, descriptives, reliability). Malformed input — no rows, a missing or
/// non-numeric column, an unparsable or unsupported formula — throws <see cref="AnalysisException"/>;
/// data that merely cannot support a model (e.g. after the first wave) yield a section that says why.
/// </summary>
public static class PanelAnalysis
{
    public static PanelReport Analyze(LongTable table, PanelAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new PanelAnalysisOptions();
        return Analyze(table, options, null);
    }

    /// <summary>
    /// The models only — growth, decay, persistence, retention (and the RI-CLPM when asked) — with the per-wave
    /// sections supplied by a caller that summarised each wave as it streamed past, so <paramref name="table"/> needs
    /// only the columns the models read (subject, wave, time, outcome and the formula's).
    /// </summary>
    public static PanelReport Analyze(LongTable table, PanelAnalysisOptions options, IReadOnlyList<ColumnDescriptives> descriptives, IReadOnlyList<ConstructReliability> reliability)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(descriptives);
        ArgumentNullException.ThrowIfNull(reliability);
        return Analyze(table, options, (descriptives, reliability));
    }

    private static PanelReport Analyze(LongTable table, PanelAnalysisOptions options, (IReadOnlyList<ColumnDescriptives> Descriptives, IReadOnlyList<ConstructReliability> Reliability)? waveSections)
    {
        if (table.RowCount == 0) throw new AnalysisException("the data have no rows");

        var outcome = table.Numbers(options.Outcome);
        var time = table.Numbers(options.Time);
        var wave = table.Numbers(options.Wave);
        var subject = table.Column(options.Subject);
        var formula = ModelFormula.Parse(options.EffectiveFormula);
        foreach (var variable in formula.Variables)
        {
            if (variable == formula.Random.Group) table.Column(variable);
            else table.Numbers(variable);
        }

        // The growth fit is the longest model and needs nothing the others compute: it runs on a second core while
        // this thread fits the rest. Its exception (if any) is raised first, as when the models ran one after another.
        // The participant codes are computed here, once, rather than by both threads.
        GroupIndex.Build(subject);
        var growthFit = Task.Run(() => FitGrowth(table, formula));
        Func<GrowthOutcome, PanelReport>? withGrowth = null;
        ExceptionDispatchInfo? failure = null;
        try
        {
            withGrowth = OtherSections(table, options, waveSections, subject, time, wave, outcome);
        }
        catch (Exception e)
        {
            failure = ExceptionDispatchInfo.Capture(e);
        }
        var growth = growthFit.GetAwaiter().GetResult();
        failure?.Throw();
        return withGrowth!(growth);
    }

    private static GrowthOutcome FitGrowth(LongTable table, ModelFormula formula)
    {
        try
        {
            return new GrowthOutcome(formula.Text, GrowthModel.Fit(table, formula), null);
        }
        catch (UnidentifiableModelException e)
        {
            return new GrowthOutcome(formula.Text, null, e.Message);
        }
    }

    /// <summary>Every section but the growth model's, completed into the report once that is fitted.</summary>
    private static Func<GrowthOutcome, PanelReport> OtherSections(LongTable table, PanelAnalysisOptions options, (IReadOnlyList<ColumnDescriptives> Descriptives, IReadOnlyList<ConstructReliability> Reliability)? waveSections,
        TableColumn subject, double[] time, double[] wave, double[] outcome)
    {
        var groups = GroupIndex.Build(subject);
        var (descriptives, reliability) = waveSections ?? WaveSections(table, options);

        var riclpm = options.Riclpm is { } specification
            ? RiclpmModel.Fit(table, specification with { Subject = options.Subject, Wave = options.Wave })
            : null;

        var decay = DecayModel.Fit(time, outcome);
        var persistence = PersistenceModel.Fit(groups.Codes, wave, outcome);
        var retention = KaplanMeier.Fit(groups.Codes, wave);
        var waveCount = wave.Where(w => !double.IsNaN(w)).Distinct().Count();
        return growth => new PanelReport(growth, decay, persistence, retention, descriptives, reliability)
        {
            Riclpm = riclpm,
            WaveCount = waveCount,
        };
    }

    /// <summary>Descriptives of every score column and α of every construct, per wave.</summary>
    private static (IReadOnlyList<ColumnDescriptives>, IReadOnlyList<ConstructReliability>) WaveSections(LongTable table, PanelAnalysisOptions options)
    {
        var constructs = options.Constructs ?? ConstructItems.FromColumnNames(table.Columns.Where(c => c.IsNumeric).Select(c => c.Name));
        var scores = ScoreColumns(table.Columns.Where(c => c.IsNumeric).Select(c => c.Name), constructs, options);
        return (WaveDescriptives.Describe(table, options.Wave, scores), CronbachAlpha.ByWave(table, options.Wave, constructs));
    }

    /// <summary>The columns descriptives are given for: every numeric column that is neither a role nor an item of a construct, the outcome first when it would be missing.</summary>
    public static IReadOnlyList<string> ScoreColumns(IEnumerable<string> numericColumns, IReadOnlyDictionary<string, IReadOnlyList<string>> constructs, PanelAnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(numericColumns);
        ArgumentNullException.ThrowIfNull(constructs);
        ArgumentNullException.ThrowIfNull(options);
        var items = constructs.Values.SelectMany(i => i).ToHashSet(StringComparer.Ordinal);
        var roles = new HashSet<string>(StringComparer.Ordinal) { options.Subject, options.Wave, options.Time };
        var scores = numericColumns.Where(c => !roles.Contains(c) && !items.Contains(c)).ToList();
        if (!scores.Contains(options.Outcome, StringComparer.Ordinal)) scores.Insert(0, options.Outcome);
        return scores;
    }
}
