using Tracker.Engine.Common;

namespace Tracker.Engine.Tests.Common;

public sealed class IsoDurationTests
{
    [Theory]
    [InlineData("P7D", 7 * 24 * 60)]
    [InlineData("P2W", 14 * 24 * 60)]
    [InlineData("PT36H", 36 * 60)]
    [InlineData("P1DT12H30M", 36 * 60 + 30)]
    [InlineData("p14d", 14 * 24 * 60)]
    [InlineData("PT90M", 90)]
    public void Parses_weeks_days_hours_and_minutes(string text, int minutes)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration, out var problem), problem);
        Assert.Equal(TimeSpan.FromMinutes(minutes), duration);
    }

    [Theory]
    [InlineData("P1M", "months")]
    [InlineData("P1Y", "months")]
    [InlineData("7 days", "not an ISO-8601 duration")]
    [InlineData("P", "not an ISO-8601 duration")]
    [InlineData("PT", "not an ISO-8601 duration")]
    [InlineData("", "required")]
    [InlineData(null, "required")]
    public void Refuses_what_is_not_an_exact_duration(string? text, string expected)
    {
        Assert.False(IsoDuration.TryParse(text, out _, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P14D")]
    [InlineData("PT36H")]
    [InlineData("P1DT12H30M")]
    public void Formatting_round_trips(string text)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration, out _));
        Assert.True(IsoDuration.TryParse(IsoDuration.Format(duration), out var again, out _));
        Assert.Equal(duration, again);
    }
}
