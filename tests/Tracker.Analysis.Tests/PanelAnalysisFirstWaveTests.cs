using Tracker.Analysis.Data;

namespace Tracker.Analysis.Tests;

/// <summary>Right after wave 1 every time is zero: the growth section says why, the other sections still report.</summary>
public class PanelAnalysisFirstWaveTests
{
    [Fact]
    public void A_panel_with_only_its_first_wave_reports_the_growth_problem_instead_of_throwing()
    {
        var ids = Enumerable.Range(1, 12).Select(i => $"p{i}").ToArray();
        var table = new LongTable([
            TableColumn.FromTexts("participant_id", ids),
            TableColumn.FromNumbers("wave", ids.Select(_ => 1.0).ToArray()),
            TableColumn.FromNumbers("days", ids.Select(_ => 0.0).ToArray()),
            TableColumn.FromNumbers("willingness", ids.Select((_, i) => 3.0 + i % 4).ToArray()),
        ]);

        var report = PanelAnalysis.Analyze(table);

        Assert.Null(report.Growth.Fit);
        Assert.Contains("zero in every row", report.Growth.Problem, StringComparison.Ordinal);
        var willingness = Assert.Single(report.Descriptives, d => d.Column == "willingness");
        Assert.Equal(12, Assert.Single(willingness.Waves).N);
    }
}
