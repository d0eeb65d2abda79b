namespace Tracker.Engine.Dashboard;

/// <summary>
/// One wave of the dashboard beyond the status counts: how many of the wave-1 responders answered it (retention) and
/// the outcome's mean with its 95% CI at the wave's mean <c>days</c> as the stored model has them (NaN when the model has none).
/// </summary>
public sealed record WaveTrend(int Wave, int Responses, int RetainedFromFirstWave, int OutcomeN, double OutcomeMean, double CiLower, double CiUpper, double MeanDays)
{
    /// <summary>This wave's responses flagged as careless; null until that check exists (the page then shows no column).</summary>
    public int? CarelessFlagged { get; init; }
}
