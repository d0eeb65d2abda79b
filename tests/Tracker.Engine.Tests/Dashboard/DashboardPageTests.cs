using System.Text.RegularExpressions;
using Tracker.Engine.Dashboard;
using Tracker.Web.Pages;
using Tracker.Engine.Status;
using Tracker.Engine.Tests.Exports;
using Tracker.Model.Models;
using Tracker.Model.Tests;

namespace Tracker.Engine.Tests.Dashboard;

/// <summary>The dashboard reads the stored model (its fit time, whether a wave closed since) and shows no retention for a wave not yet open.</summary>
public sealed class DashboardPageTests
{
    private static readonly DateTimeOffset FittedAt = ExportSamples.Start.AddDays(9);

    [Fact]
    public void The_page_shows_when_the_stored_model_was_fitted_and_is_not_stale_before_another_wave_closes()
    {
        var html = DashboardPage.Render(Data(Model(), wave2Closes: FittedAt.AddDays(-1), wave2State: "closed"));

        Assert.Equal(DashboardFormat.Time(FittedAt), Field(html, "fitted-at"));
        Assert.Null(Field(html, "stale"));
    }

    [Fact]
    public void A_wave_closing_after_the_fit_marks_the_stored_model_stale()
    {
        var html = DashboardPage.Render(Data(Model(), wave2Closes: FittedAt.AddDays(1), wave2State: "closed"));

        Assert.Equal(DashboardFormat.Time(FittedAt), Field(html, "fitted-at"));
        Assert.StartsWith("Stale", Field(html, "stale"), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_stored_model_the_page_says_when_one_will_come()
    {
        var html = DashboardPage.Render(Data(null, wave2Closes: FittedAt.AddDays(1), wave2State: "open"));

        Assert.Equal("No model yet — fitted after the first wave closes.", Field(html, "model-state"));
        Assert.Null(Field(html, "fitted-at"));
    }

    [Fact]
    public void A_wave_not_yet_open_shows_no_retention_rather_than_zero()
    {
        var html = DashboardPage.Render(Data(Model(), wave2Closes: FittedAt.AddDays(1), wave2State: "open"));

        var retention = Fields(html, "retention");
        Assert.Equal(["100.0%", "80.0%", "– (not yet open)"], retention);
        Assert.DoesNotContain("0.0%", retention[2], StringComparison.Ordinal);
    }

    [Fact]
    public void The_retention_date_is_shown_and_its_warning_once_thirty_days_or_fewer_remain()
    {
        var data = Data(Model(), wave2Closes: FittedAt.AddDays(1), wave2State: "open");
        var far = data with { Status = data.Status with { DataRetentionUntil = new DateOnly(2027, 6, 30), RetentionWarning = null } };
        var near = data with { Status = data.Status with { DataRetentionUntil = new DateOnly(2027, 6, 30), RetentionWarning = "The data-retention date 2027-06-30 is 12 days away: export what you need." } };

        Assert.Null(Field(DashboardPage.Render(data), "retention-until"));
        Assert.Equal("Data kept until 2027-06-30", Field(DashboardPage.Render(far), "retention-until"));
        Assert.Null(Field(DashboardPage.Render(far), "retention-warning"));
        Assert.Equal(near.Status.RetentionWarning, Field(DashboardPage.Render(near), "retention-warning"));
    }

    [Fact]
    public void Careless_responses_are_shown_only_once_a_count_is_given()
    {
        var data = Data(Model(), wave2Closes: FittedAt.AddDays(1), wave2State: "open");
        var html = DashboardPage.Render(data);
        Assert.Empty(Fields(html, "careless-flagged"));
        Assert.DoesNotContain("Careless flagged", html, StringComparison.Ordinal);

        var flagged = data with
        {
            CarelessFlagged = 3,
            Trend = [data.Trend[0] with { CarelessFlagged = 2 }, data.Trend[1] with { CarelessFlagged = 1 }, data.Trend[2]],
        };
        var shown = DashboardPage.Render(flagged);

        // The panel's total first, then one cell per wave in the wave table; a wave without a count shows a dash.
        Assert.Equal(["3", "2", "1", "–"], Fields(shown, "careless-flagged"));
        Assert.Contains("<th scope=\"col\">Careless flagged</th>", shown, StringComparison.Ordinal);
    }

    private static ModelDocument Model() => SimulatedPanel.Model([40, 36, 33]) with { FittedAt = FittedAt };

    private static DashboardData Data(ModelDocument? model, DateTimeOffset wave2Closes, string wave2State)
    {
        var panel = ExportSamples.Panel(waves: 3);
        var start = ExportSamples.Start;
        var waves = new[]
        {
            new WaveStatus(1, "closed", start, start.AddDays(5), 5, 0, 5, 1.0),
            new WaveStatus(2, wave2State, start.AddDays(7), wave2Closes, 5, 0, 4, 0.8),
            new WaveStatus(3, "scheduled", start.AddDays(14), start.AddDays(19), 0, 0, 0, null),
        };
        var status = new PanelStatus(panel.Id, panel.Name, 5, 5, FittedAt.AddDays(2), waves);
        var trend = new[] { new WaveTrend(1, 5, 5, 5, 5.1, 4.6, 5.6, 0), new WaveTrend(2, 4, 4, 4, 4.7, 4.1, 5.3, 7.2), new WaveTrend(3, 0, 0, 0, double.NaN, double.NaN, double.NaN, double.NaN) };
        return new DashboardData(panel, status, "willingness", 5, trend, model);
    }

    private static string? Field(string html, string field) => Fields(html, field).SingleOrDefault();

    private static List<string> Fields(string html, string field) =>
        Regex.Matches(html, $"<(\\w+)[^>]*data-field=\"{field}\"[^>]*>(.*?)</\\1>", RegexOptions.Singleline)
            .Select(m => System.Net.WebUtility.HtmlDecode(Regex.Replace(m.Groups[2].Value, "<[^>]+>", "")))
            .ToList();
}
