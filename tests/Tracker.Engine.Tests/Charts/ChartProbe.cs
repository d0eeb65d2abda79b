using ScottPlot;
using Tracker.Engine.Charts;
using Tracker.Model.Suppression;
using Tracker.Model.Tests;

namespace Tracker.Engine.Tests.Charts;

/// <summary>
/// The test assembly's entry point, for <see cref="ChartFontTests"/>: run as a child process (`dotnet
/// Tracker.Engine.Tests.dll …`) in a mount namespace where /usr/share/fonts is empty, it renders what it is asked to
/// and writes the PNGs to a folder. The test host never calls it.
/// </summary>
public static class ChartProbe
{
    public const string ChartsCommand = "render-charts";
    public const string SystemFontCommand = "render-system-font";

    /// <summary>A font this machine has in /usr/share/fonts (Debian's fonts-liberation2), for the control image.</summary>
    public const string SystemFamily = "Liberation Sans";

    public static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine($"usage: {ChartsCommand}|{SystemFontCommand} OUTPUT-FOLDER");
            return 2;
        }

        Directory.CreateDirectory(args[1]);
        switch (args[0])
        {
            case ChartsCommand:
                foreach (var chart in Charts())
                {
                    File.WriteAllBytes(Path.Combine(args[1], chart.Id + ".png"), chart.Png);
                }

                return 0;
            case SystemFontCommand:
                File.WriteAllBytes(Path.Combine(args[1], "system-font.png"), SystemFontPlot());
                return 0;
            default:
                Console.Error.WriteLine($"unknown command '{args[0]}'");
                return 2;
        }
    }

    /// <summary>The three charts of the summary, from the same simulated panel every time.</summary>
    public static IReadOnlyList<RenderedChart> Charts()
    {
        var data = new SummaryData(SimulatedPanel.Model([120, 104, 92, 85]));
        return [WillingnessChart.Build(data), ResponseChart.Build(data), ConstructChart.Build(data)];
    }

    /// <summary>Large text in a system font and nothing else (no axes, no grid): all its ink is text.</summary>
    public static byte[] SystemFontPlot()
    {
        using var plot = new Plot();
        plot.HideAxesAndGrid();
        var text = plot.Add.Text("Response rate W1 W2 Percent", 0, 0);
        text.LabelFontName = SystemFamily;
        text.LabelFontSize = 40;
        text.LabelAlignment = Alignment.MiddleCenter;
        plot.Axes.SetLimits(-1, 1, -1, 1);
        return plot.GetImageBytes(ChartStyle.Width, ChartStyle.Height, ImageFormat.Png);
    }
}
