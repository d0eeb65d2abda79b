namespace Tracker.Analysis.Careless;

/// <summary>One response in a wave: its answers in item order (null = skipped) and, when the form recorded it, the seconds from opening the form to submitting.</summary>
public sealed record CarelessResponse(IReadOnlyList<double?> Answers, double? SecondsToSubmit);
