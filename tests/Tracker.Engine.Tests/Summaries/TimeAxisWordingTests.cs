using System.Text.Json;
using Tracker.Engine.Charts;
using Tracker.Engine.Dashboard;
using Tracker.Web.Pages;
using Tracker.Engine.Status;
using Tracker.Engine.Summaries;
using Tracker.Engine.Tests.Exports;
using Tracker.Model.Models;
using Tracker.Model.Tests;
using Tracker.Model.Time;

namespace Tracker.Engine.Tests.Summaries;

/// <summary>
/// The model counts days since each participant's first answered wave; every place that names the time axis — the
/// email's chart and footer, the dashboard's chart and caption, the stored document — must say so in the model's own
/// words (<see cref="ModelTimeAxis"/>), and none may say the axis starts when wave 1 opened.
/// </summary>
public sealed class TimeAxisWordingTests
{
    private const string WrongAxis = "wave 1 opened";

    [Fact]
    public void The_email_states_the_models_time_axis_in_its_chart_and_footer()
    {
        var email = SummaryComposer.Compose(EmailBodies.Razor, SimulatedPanel.Model([40, 36, 33, 30]), "after wave 4");

        Assert.Equal(ModelTimeAxis.AxisTitle(), email.Charts.Single(c => c.Id == WillingnessChart.Id).XAxisTitle);
        foreach (var body in new[] { email.Text, ModelText.VisibleText(email.Html) })
        {
            Assert.Contains(ModelTimeAxis.Sentence(), body, StringComparison.Ordinal);
            Assert.DoesNotContain(WrongAxis, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void The_stored_document_describes_its_time_variable_as_the_model_defines_it()
    {
        var stored = ModelJson.Serialize(SimulatedPanel.Model([40, 36, 33]));
        using var json = JsonDocument.Parse(stored);
        Assert.Equal(ModelTimeAxis.Describe(), json.RootElement.GetProperty("time").GetString());
        Assert.DoesNotContain(WrongAxis, stored, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_dashboard_states_the_models_time_axis_in_its_chart_and_caption()
    {
        var panel = ExportSamples.Panel(waves: 2);
        var status = new PanelStatus(panel.Id, panel.Name, 5, 5, ExportSamples.Start.AddDays(10), []);
        var trend = new[] { new WaveTrend(1, 5, 5, 5, 5.1, 4.6, 5.6, 0), new WaveTrend(2, 4, 4, 4, 4.7, 4.1, 5.3, 7.2) };
        var html = ModelText.VisibleText(DashboardPage.Render(new DashboardData(panel, status, "willingness", 5, trend, SimulatedPanel.Model([40, 36]))));

        Assert.Contains(ModelTimeAxis.AxisTitle(), html, StringComparison.Ordinal);
        Assert.Contains($"mean {ModelTimeAxis.Describe()}", html, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongAxis, html, StringComparison.OrdinalIgnoreCase);
    }
}
