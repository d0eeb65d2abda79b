using Tracker.Engine.Summaries;

namespace Tracker.Engine.Tests.Summaries;

public sealed class SummaryPeriodTests
{
    [Theory]
    [InlineData("2026-11-23T00:00:00Z", "2026-W48")] // Monday starts the week
    [InlineData("2026-11-29T23:59:59Z", "2026-W48")] // Sunday ends it
    [InlineData("2026-11-30T00:00:00Z", "2026-W49")]
    [InlineData("2025-12-29T10:00:00Z", "2026-W01")] // ISO year, not calendar year
    [InlineData("2027-01-01T10:00:00Z", "2026-W53")]
    [InlineData("2026-11-29T23:30:00-02:00", "2026-W49")] // weeks are in UTC
    public void Weeks_are_iso_weeks_in_utc(string at, string key) =>
        Assert.Equal(key, SummaryPeriod.Week(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)).Key);

    [Fact]
    public void Cadence_names_are_checked()
    {
        var problems = new List<string>();
        Assert.Equal(SummaryCadence.AfterWaveCloses, SummaryCadences.Resolve(null, problems));
        Assert.Equal(SummaryCadence.Weekly, SummaryCadences.Resolve("weekly", problems));
        Assert.Empty(problems);
        SummaryCadences.Resolve("daily", problems);
        Assert.Equal("summaryCadence: must be \"afterWaveCloses\" or \"weekly\"", Assert.Single(problems));
        Assert.Equal(SummaryCadence.AfterWaveCloses, SummaryCadences.FromStored(null));
    }
}
