namespace Tracker.Analysis.Decay;

/// <summary>
/// The decay-to-plateau curve y = plateau + (initial − plateau)·exp(−rate·t), as R's
/// nls(y ~ SSasymp(t, plateau, initial, lrc)) with rate = exp(lrc). When no finite least-squares
/// optimum exists (the trend does not level off) Converged is false, Message says why and the
/// estimates are null: no invented numbers. When the data cannot identify the curve the message
/// starts "not identified: " and gives the reason (<see cref="NotIdentified"/>).
/// </summary>
public sealed record DecayFit(
    bool Converged,
    string? Message,
    ParameterEstimate? Plateau,
    ParameterEstimate? Initial,
    ParameterEstimate? Rate,
    ParameterEstimate? HalfLife,
    double? Rss,
    double? Sigma,
    int Df,
    int Observations)
{
    /// <summary>True when the data cannot pin the curve down (saturated, extrapolated plateau, unbounded interval, singular information) rather than merely showing no decay.</summary>
    public bool NotIdentified => Message?.StartsWith(NotIdentifiedPrefix, StringComparison.Ordinal) == true;

    public const string NotIdentifiedPrefix = "not identified: ";

    public static DecayFit Unidentified(string reason, int observations) => Failed(NotIdentifiedPrefix + reason, observations);

    public static DecayFit Failed(string message, int observations) =>
        new(false, message, null, null, null, null, null, null, Math.Max(observations - 3, 0), observations);
}
