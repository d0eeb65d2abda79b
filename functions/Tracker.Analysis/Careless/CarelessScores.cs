namespace Tracker.Analysis.Careless;

/// <summary>
/// The careless-answer indices of one response and which of them flag it. An index that cannot be computed for
/// this response (too few answers, too few constructs, no time recorded) is null and does not flag.
/// </summary>
/// <param name="LongString">Longest run of identical consecutive answers in item order.</param>
/// <param name="Irv">Intra-individual response variability: the SD (n − 1) of the answered items.</param>
/// <param name="Mahalanobis">D² of the answered items from the wave's mean, with the wave's covariance.</param>
/// <param name="MahalanobisDegreesOfFreedom">The number of answered items D² is measured over.</param>
/// <param name="MahalanobisP">Upper-tail χ² probability of D².</param>
/// <param name="EvenOddCorrelation">Pearson r of the constructs' odd-item and even-item half-means.</param>
/// <param name="EvenOdd">The Spearman–Brown corrected even–odd consistency 2r/(1 + r); −∞ when r = −1.</param>
public sealed record CarelessScores(
    int LongString,
    double? Irv,
    double? Mahalanobis,
    int MahalanobisDegreesOfFreedom,
    double? MahalanobisP,
    double? EvenOddCorrelation,
    double? EvenOdd,
    double? SecondsToSubmit,
    CarelessFlags Flags)
{
    public bool Flagged => Flags != CarelessFlags.None;
}
