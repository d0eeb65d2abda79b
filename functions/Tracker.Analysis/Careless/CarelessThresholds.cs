namespace Tracker.Analysis.Careless;

/// <summary>
/// When a careless-answer index flags a response. The defaults follow the literature (see docs/analysis.md,
/// "Careless answers"); a panel may set its own.
/// </summary>
/// <param name="LongStringShare">Flag when the longest run of identical answers covers at least this share of the items
/// (Curran 2016's rule of thumb: half the scale or more).</param>
/// <param name="MinimumIrv">Flag when the SD of a person's answers is at or below this (0: no variability at all, the
/// unambiguous end of Dunn et al. 2018's low-IRV tail; the scale's spread differs per panel, so no higher default is safe).</param>
/// <param name="MahalanobisPValue">Flag when D² is this improbable under χ² with the answered items as degrees of
/// freedom (Meade &amp; Craig 2012 and Curran 2016: p &lt; .001).</param>
/// <param name="MinimumEvenOdd">Flag when the Spearman–Brown corrected even–odd consistency is below this (Johnson 2005:
/// .30).</param>
/// <param name="MinimumSecondsPerItem">Flag when the time from opening the form to submitting is below this many seconds
/// per item (Huang et al. 2012, endorsed by Curran 2016: 2 s per item).</param>
public sealed record CarelessThresholds(
    double LongStringShare = 0.5,
    double MinimumIrv = 0,
    double MahalanobisPValue = 0.001,
    double MinimumEvenOdd = 0.30,
    double MinimumSecondsPerItem = 2)
{
    public static CarelessThresholds Default { get; } = new();

    /// <summary>Thrown as <see cref="AnalysisException"/> when a threshold is out of its range (a panel setting, so a 4xx).</summary>
    public void Validate()
    {
        if (!(LongStringShare is > 0 and <= 1)) throw new AnalysisException("the long-string threshold is a share of the items, above 0 and at most 1");
        if (!(MinimumIrv >= 0) || double.IsInfinity(MinimumIrv)) throw new AnalysisException("the IRV threshold must be a finite number of scale points, 0 or more");
        if (!(MahalanobisPValue is > 0 and < 1)) throw new AnalysisException("the Mahalanobis threshold is a p-value, between 0 and 1");
        if (!(MinimumEvenOdd is >= -1 and <= 1)) throw new AnalysisException("the even–odd threshold must be between −1 and 1");
        if (!(MinimumSecondsPerItem >= 0) || double.IsInfinity(MinimumSecondsPerItem)) throw new AnalysisException("the time threshold must be a finite number of seconds per item, 0 or more");
    }
}
