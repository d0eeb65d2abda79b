using Tracker.Cli.Demo;

namespace Tracker.Cli.Tests;

/// <summary>The demo's clock slows on a busy machine so waves do not close before the simulated participants can answer.</summary>
public sealed class DemoPaceTests
{
    [Theory]
    [InlineData(0.3, 2, 12.0)]
    [InlineData(2.0, 2, 12.0)]
    [InlineData(4.0, 2, 24.0)]
    [InlineData(24.0, 2, 30.0)]
    [InlineData(8.0, 8, 12.0)]
    public void Twelve_seconds_a_day_times_the_load_per_core_within_bounds(double load, int cores, double expected) =>
        Assert.Equal(expected, DemoPace.SecondsPerDay(load, cores), 6);

    [Fact]
    public void Without_a_load_figure_the_quiet_pace_holds() =>
        Assert.Equal(DemoPace.QuietSecondsPerDay, DemoPace.SecondsPerDay(null, 2));
}
