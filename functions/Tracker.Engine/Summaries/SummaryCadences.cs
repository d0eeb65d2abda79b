namespace Tracker.Engine.Summaries;

/// <summary>The wire names of <see cref="SummaryCadence"/> (<c>"afterWaveCloses"</c>, <c>"weekly"</c>), shared by the panel definition and its table row.</summary>
public static class SummaryCadences
{
    public const string AfterWaveCloses = "afterWaveCloses";
    public const string Weekly = "weekly";

    public static string Name(SummaryCadence cadence) => cadence == SummaryCadence.Weekly ? Weekly : AfterWaveCloses;

    /// <summary>Rows written before cadences existed, and unknown names, read as the original behaviour.</summary>
    public static SummaryCadence FromStored(string? name) =>
        string.Equals(name, Weekly, StringComparison.Ordinal) ? SummaryCadence.Weekly : SummaryCadence.AfterWaveCloses;

    /// <summary>Absent means <see cref="SummaryCadence.AfterWaveCloses"/>; anything else but the two names is a problem.</summary>
    public static SummaryCadence Resolve(string? posted, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        switch (posted)
        {
            case null or AfterWaveCloses:
                return SummaryCadence.AfterWaveCloses;
            case Weekly:
                return SummaryCadence.Weekly;
            default:
                problems.Add($"summaryCadence: must be \"{AfterWaveCloses}\" or \"{Weekly}\"");
                return SummaryCadence.AfterWaveCloses;
        }
    }
}
