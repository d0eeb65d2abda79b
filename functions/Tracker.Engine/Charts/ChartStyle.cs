using ScottPlot;

namespace Tracker.Engine.Charts;

/// <summary>
/// Size and type for charts read on a phone: drawn at 720 × 480 and shown at the width of the screen, so labels are
/// large enough to stay legible at half size.
/// </summary>
public static class ChartStyle
{
    public const int Width = 720;
    public const int Height = 480;

    public static void Apply(Plot plot, string title, string xLabel, string yLabel)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ChartFont.Apply(plot);
        plot.Title(title, 22);
        plot.XLabel(xLabel, 18);
        plot.YLabel(yLabel, 18);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 16;
        plot.Axes.Left.TickLabelStyle.FontSize = 16;
        plot.Legend.FontSize = 15;
    }

    public static byte[] Png(Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);

        // Again at the end: labels, legends and notes added after Apply take the shipped typeface too.
        ChartFont.Apply(plot);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>The same drawing as <see cref="Png"/>, as SVG of the same size.</summary>
    public static string Svg(Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ChartFont.Apply(plot);
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>Ticks at whole waves only, labelled "W1", "W2"…</summary>
    public static void WaveTicks(Plot plot, IEnumerable<int> waves)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var list = waves.ToList();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            list.Select(w => (double)w).ToArray(),
            list.Select(w => "W" + w.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    }
}
