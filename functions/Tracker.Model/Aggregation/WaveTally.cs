namespace Tracker.Model.Aggregation;

/// <summary>One streamed wave: how many responses it had and its position on the time axis (<see cref="Time.ModelTimeAxis.WaveMean"/>).</summary>
public sealed record WaveTally(int Wave, int Responded, double MeanDays);
