using System.Text.Json;
using Tracker.Engine.Common;
using Tracker.Engine.Panels;

namespace Tracker.Engine.Tests.Panels;

/// <summary>The optional data-retention date and researcher address of a panel definition, and the warning status shows.</summary>
public sealed class DataRetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    // Three weekly waves with a 5-day window from 2026-12-01 08:00 UTC: the last closes 2026-12-20 08:00 UTC.
    private static Validation<Panel> Validate(string extra)
    {
        var problems = new List<string>();
        using var json = JsonDocument.Parse($$"""
            {"name":"S","instrument":"default","schedule":{"start":"2026-12-01T08:00:00Z","waves":3,"interval":"P7D","window":"P5D"}{{extra}}}
            """);
        var definition = PanelDefinitionReader.Read(json.RootElement, problems);
        return PanelDefinitionValidator.Validate(definition, "pabc", Now, problems);
    }

    [Fact]
    public void A_retention_date_after_the_last_close_and_a_researcher_address_are_kept()
    {
        var result = Validate(""","dataRetentionUntil":"2027-06-30","researcherEmail":"lead@uni.example" """);
        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal(new DateOnly(2027, 6, 30), result.Value!.DataRetentionUntil);
        Assert.Equal("lead@uni.example", result.Value.ResearcherEmail);
    }

    [Fact]
    public void Both_are_optional()
    {
        var result = Validate("");
        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Null(result.Value!.DataRetentionUntil);
        Assert.Null(result.Value.ResearcherEmail);
    }

    [Theory]
    [InlineData("\"2026-12-20\"", "dataRetentionUntil: must be after the last wave closes (2026-12-20 08:00 UTC)")]
    [InlineData("\"2026-12-01\"", "dataRetentionUntil: must be after the last wave closes")]
    [InlineData("\"30.06.2027\"", "dataRetentionUntil: '30.06.2027' is not a date such as 2027-06-30")]
    [InlineData("\"2027-06-30T00:00:00Z\"", "is not a date such as 2027-06-30")]
    public void A_retention_date_that_is_not_a_date_after_the_last_close_is_refused_in_plain_words(string value, string expected)
    {
        var result = Validate($",\"dataRetentionUntil\":{value}");
        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Problems);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_listed_together_with_the_others()
    {
        var result = Validate(""","dataRetentionUntil":"2026-12-02","researcherEmail":"not an address","minimumCellSize":1""");
        var paths = result.Problems.Select(p => p[..p.IndexOf(':', StringComparison.Ordinal)]).Order(StringComparer.Ordinal);
        Assert.Equal(["dataRetentionUntil", "minimumCellSize", "researcherEmail"], paths);
    }

    [Fact]
    public void A_misspelt_property_is_reported_like_any_other()
    {
        var result = Validate(""","dataRetention":"2027-06-30" """);
        Assert.Contains(result.Problems, p => p.StartsWith("dataRetention:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2027-06-30", "2027-05-30T12:00:00Z", null)]
    [InlineData("2027-06-30", "2027-06-01T00:00:00Z", "is 29 days away")]
    [InlineData("2027-06-30", "2027-05-31T23:59:00Z", "is 30 days away")]
    [InlineData("2027-06-30", "2027-06-29T08:00:00Z", "is tomorrow")]
    [InlineData("2027-06-30", "2027-06-30T23:00:00Z", "is today")]
    [InlineData("2027-06-30", "2027-07-02T00:00:00Z", "has passed")]
    public void Status_warns_from_thirty_days_before(string until, string now, string? expected)
    {
        var panel = Validate($",\"dataRetentionUntil\":\"{until}\"").Value!;
        var at = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture);
        var warning = DataRetention.Warning(panel, at);
        var days = DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture).DayNumber - DateOnly.FromDateTime(at.UtcDateTime).DayNumber;
        Assert.Equal(days, DataRetention.DaysLeft(panel.DataRetentionUntil!.Value, at));
        if (expected is null)
        {
            Assert.Null(warning);
            return;
        }

        Assert.Contains(expected, warning, StringComparison.Ordinal);
        Assert.Contains("tracker panel delete", warning, StringComparison.Ordinal);
        Assert.Contains("no researcherEmail", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_researcher_address_the_warning_does_not_say_no_email_is_sent()
    {
        var panel = Validate(""","dataRetentionUntil":"2027-06-30","researcherEmail":"lead@uni.example" """).Value!;
        Assert.DoesNotContain("researcherEmail", DataRetention.Warning(panel, new DateTimeOffset(2027, 6, 20, 0, 0, 0, TimeSpan.Zero)), StringComparison.Ordinal);
    }
}
