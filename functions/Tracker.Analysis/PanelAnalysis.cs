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

        GrowthOutcome growth;
        try
        {
            growth = new GrowthOutcome(formula.Text, GrowthModel.Fit(table, formula), null);
        }
        catch (UnidentifiableModelException e)
        {
            growth = new GrowthOutcome(formula.Text, null, e.Message);
        }

        var groups = GroupIndex.Build(subject);
        var constructs = options.Constructs ?? ConstructItems.FromColumnNames(table.Columns.Where(c => c.IsNumeric).Select(c => c.Name));
        var items = constructs.Values.SelectMany(i => i).ToHashSet(StringComparer.Ordinal);
        var roles = new HashSet<string>(StringComparer.Ordinal) { options.Subject, options.Wave, options.Time };
        var scores = table.Columns.Where(c => c.IsNumeric && !roles.Contains(c.Name) && !items.Contains(c.Name)).Select(c => c.Name).ToList();
        if (!scores.Contains(options.Outcome, StringComparer.Ordinal)) scores.Insert(0, options.Outcome);

        var riclpm = options.Riclpm is { } specification
            ? RiclpmModel.Fit(table, specification with { Subject = options.Subject, Wave = options.Wave })
            : null;

        return new PanelReport(
            growth,
            DecayModel.Fit(time, outcome),
            PersistenceModel.Fit(groups.Codes, wave, outcome),
            KaplanMeier.Fit(groups.Codes, wave),
            WaveDescriptives.Describe(table, options.Wave, scores),
            CronbachAlpha.ByWave(table, options.Wave, constructs))
        {
            Riclpm = riclpm,
            WaveCount = wave.Where(w => !double.IsNaN(w)).Distinct().Count(),
        };
    }
}
