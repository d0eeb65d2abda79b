using Tracker.Analysis;
using Tracker.Analysis.Decay;
using Tracker.Analysis.Persistence;
using Tracker.Analysis.Retention;

namespace Tracker.Model.Models;

/// <summary>
/// Maps a <see cref="PanelReport"/> to the document the stored model, <c>tracker analyze --json</c> and the bundle share:
/// NaN becomes null, estimates gain their 95% interval.
/// </summary>
public static class ModelDocumentFactory
{
    /// <summary>The normal quantile for a two-sided 95% Wald interval (lme4 prints no df for fixed effects, so no t).</summary>
    public const double Z95 = 1.959963984540054;

    public static AnalysisDocument FromReport(PanelReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new AnalysisDocument(
            Growth(report.Growth),
            Decay(report.Decay),
            Persistence(report.Persistence),
            Retention(report.Retention),
            report.Descriptives.ToDictionary(
                d => d.Column,
                d => (IReadOnlyList<WaveStatistic>)d.Waves.Select(w => new WaveStatistic((int)w.Wave, w.N, N(w.Mean), N(w.Sd), N(w.CiLower), N(w.CiUpper))).ToList(),
                StringComparer.Ordinal),
            report.Reliability.ToDictionary(
                r => r.Construct,
                r => new ReliabilityDocument(r.Items, r.Waves.Select(w => new WaveAlphaDocument((int)w.Wave, w.N, N(w.Alpha)) { Warning = w.Warning }).ToList()),
                StringComparer.Ordinal))
        {
            Riclpm = report.Riclpm is { } riclpm ? RiclpmDocument.From(riclpm) : null,
        };
    }

    public static GrowthDocument Growth(GrowthOutcome growth)
    {
        ArgumentNullException.ThrowIfNull(growth);
        if (growth.Fit is not { } fit)
        {
            return new GrowthDocument { Formula = growth.Formula, Converged = false, Message = growth.Problem };
        }

        return new GrowthDocument
        {
            Formula = growth.Formula,
            NObs = fit.Observations,
            NGroups = fit.Groups,
            RemlCriterion = N(fit.RemlCriterion),
            Fixed = fit.Fixed.ToDictionary(
                f => f.Name,
                f => new FixedEffectDocument(N(f.Estimate), N(f.StandardError), N(f.T), N(f.Estimate - Z95 * f.StandardError), N(f.Estimate + Z95 * f.StandardError)),
                StringComparer.Ordinal),
            Random = new RandomEffectsDocument(N(fit.Random.SdIntercept), N(fit.Random.SdSlope), N(fit.Random.Correlation), N(fit.Random.SdResidual)),
            Converged = fit.Converged,
            Singular = fit.Singular,
            Message = fit.Message,
        };
    }

    public static DecayDocument Decay(DecayFit decay) => decay.Converged
        ? new DecayDocument
        {
            Plateau = Estimate(decay.Plateau),
            Initial = Estimate(decay.Initial),
            Rate = LogScaleEstimate(decay.Rate),
            HalfLife = LogScaleEstimate(decay.HalfLife),
            Rss = N(decay.Rss),
            Sigma = N(decay.Sigma),
            N = decay.Observations,
            Converged = true,
            Message = decay.Message,
        }
        : new DecayDocument { Converged = false, Message = decay.Message, N = decay.Observations };

    private static PersistenceDocument Persistence(PersistenceFit fit) => new()
    {
        Rho = fit.Estimable ? Estimate(fit.Rho) : null,
        Intercept = fit.Estimable ? Estimate(fit.Intercept) : null,
        NPairs = fit.Pairs,
        NGroups = fit.Groups,
        Converged = fit.Estimable,
        Message = fit.Message,
    };

    private static RetentionDocument Retention(RetentionCurve curve) => new(
        N(curve.FinalWave),
        curve.Participants,
        curve.Points.Select(p => new RetentionPointDocument(
            (int)p.Wave,
            p.AtRisk,
            p.Events,
            N(p.Survival),
            N(p.StandardError),
            N(Math.Clamp(p.Survival - Z95 * p.StandardError, 0, 1)),
            N(Math.Clamp(p.Survival + Z95 * p.StandardError, 0, 1)))).ToList());

    private static EstimateDocument? Estimate(ParameterEstimate? estimate) => estimate is null
        ? null
        : new EstimateDocument(N(estimate.Estimate), N(estimate.StandardError), N(estimate.Estimate - Z95 * estimate.StandardError), N(estimate.Estimate + Z95 * estimate.StandardError));

    /// <summary>
    /// Rate and half-life are positive and estimated through lrc = log(rate) (nls's SSasymp), so their interval is taken
    /// on that scale: estimate · exp(±1.96 · SE(lrc)) with SE(lrc) = SE/estimate. It never crosses zero, as a
    /// symmetric interval around a half-life can.
    /// </summary>
    private static EstimateDocument? LogScaleEstimate(ParameterEstimate? estimate)
    {
        if (estimate is null) return null;
        var seLog = estimate.StandardError / estimate.Estimate;
        return new EstimateDocument(N(estimate.Estimate), N(estimate.StandardError), N(estimate.Estimate * Math.Exp(-Z95 * seLog)), N(estimate.Estimate * Math.Exp(Z95 * seLog)));
    }

    /// <summary>JSON has no NaN: a value that is not finite is stored as absent.</summary>
    public static double? N(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
