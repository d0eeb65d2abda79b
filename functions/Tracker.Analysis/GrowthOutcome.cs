using Tracker.Analysis.Growth;

namespace Tracker.Analysis;

/// <summary>The growth section of a panel report: the fit, or (Fit null) why the data cannot identify the model.</summary>
public sealed record GrowthOutcome(string Formula, GrowthFit? Fit, string? Problem);
