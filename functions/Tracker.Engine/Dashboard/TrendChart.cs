using System.Globalization;
using System.Text;
using Tracker.Engine.Forms;
using Tracker.Model.Models;
using Tracker.Model.Time;

namespace Tracker.Engine.Dashboard;

/// <summary>
/// The outcome trend as inline SVG: each wave's mean with its 95% CI at the wave's mean <c>days</c>, and the fitted
/// decay curve when the stored model has one. The SVG carries a title and a description that say in words what it
/// shows; the dashboard also prints the same numbers as a table for screen readers and copying.
/// </summary>
internal static class TrendChart
{
    private const double Width = 640, Height = 320, Left = 52, Right = 16, Top = 16, Bottom = 48;

    public static string Description(DashboardData data)
    {
        var text = new StringBuilder();
        var points = Points(data).ToList();
        text.Append(CultureInfo.InvariantCulture, $"Mean {data.Outcome} per wave with 95% confidence intervals. ");
        foreach (var p in points)
        {
            text.Append(CultureInfo.InvariantCulture, $"Wave {p.Wave}: {DashboardFormat.Number(p.OutcomeMean)}");
            if (double.IsFinite(p.CiLower)) text.Append(CultureInfo.InvariantCulture, $" (95% CI {DashboardFormat.Number(p.CiLower)} to {DashboardFormat.Number(p.CiUpper)})");
            text.Append(CultureInfo.InvariantCulture, $" from {p.OutcomeN} answers at day {DashboardFormat.Number(p.MeanDays, "0.0")}. ");
        }

        if (Decay(data) is { } decay)
        {
            text.Append(CultureInfo.InvariantCulture, $"Fitted decay curve from {DashboardFormat.Number(decay.Initial!.Estimate!.Value)} towards a plateau of {DashboardFormat.Number(decay.Plateau!.Estimate!.Value)}, half-life {DashboardFormat.Number(decay.HalfLife?.Estimate ?? double.NaN, "0.0")} days.");
        }
        else
        {
            text.Append("No decay curve is drawn: the decay model did not converge on these data.");
        }

        return text.ToString();
    }

    public static void Render(HtmlBuilder html, DashboardData data)
    {
        var points = Points(data).ToList();
        var scale = data.Panel.Instrument.Scale;
        var decay = Decay(data);
        var maxDays = Math.Max(7, points.Select(p => p.MeanDays).DefaultIfEmpty(0).Max());
        maxDays = Math.Ceiling(maxDays / 7) * 7;
        double X(double days) => Left + days / maxDays * (Width - Left - Right);
        double Y(double value) => Top + (scale.Max - Math.Clamp(value, scale.Min, scale.Max)) / (scale.Max - scale.Min) * (Height - Top - Bottom);

        html.Open("svg", ("class", "chart"), ("viewBox", $"0 0 {F(Width)} {F(Height)}"), ("role", "img"), ("aria-labelledby", "trend-title trend-desc"), ("xmlns", "http://www.w3.org/2000/svg")).Line()
            .Element("title", $"{data.Outcome} by {ModelTimeAxis.Describe()}", ("id", "trend-title")).Line()
            .Element("desc", Description(data), ("id", "trend-desc")).Line();

        // Axes, gridlines and tick labels.
        for (var v = scale.Min; v <= scale.Max; v++)
        {
            html.Open("line", ("x1", F(Left)), ("x2", F(Width - Right)), ("y1", F(Y(v))), ("y2", F(Y(v))), ("stroke", "#e0e0e0")).Close("line")
                .Element("text", v.ToString(CultureInfo.InvariantCulture), ("x", F(Left - 8)), ("y", F(Y(v) + 4)), ("text-anchor", "end"), ("font-size", "12"), ("fill", "#4a4a4a")).Line();
        }

        var step = maxDays <= 56 ? 7 : maxDays <= 112 ? 14 : 28 * Math.Ceiling(maxDays / 28 / 8);
        for (var t = 0.0; t <= maxDays + 1e-9; t += step)
        {
            html.Element("text", t.ToString("0", CultureInfo.InvariantCulture), ("x", F(X(t))), ("y", F(Height - Bottom + 18)), ("text-anchor", "middle"), ("font-size", "12"), ("fill", "#4a4a4a")).Line();
        }

        html.Open("line", ("x1", F(Left)), ("x2", F(Width - Right)), ("y1", F(Height - Bottom)), ("y2", F(Height - Bottom)), ("stroke", "#1b1b1b")).Close("line").Line()
            .Element("text", ModelTimeAxis.AxisTitle(), ("x", F((Left + Width - Right) / 2)), ("y", F(Height - 8)), ("text-anchor", "middle"), ("font-size", "13"), ("fill", "#1b1b1b")).Line()
            .Element("text", $"mean {data.Outcome}", ("x", "14"), ("y", F((Top + Height - Bottom) / 2)), ("text-anchor", "middle"), ("font-size", "13"), ("fill", "#1b1b1b"), ("transform", $"rotate(-90 14 {F((Top + Height - Bottom) / 2)})")).Line();

        if (decay is not null)
        {
            var curve = new StringBuilder();
            for (var i = 0; i <= 80; i++)
            {
                var t = maxDays * i / 80;
                var y = decay.Plateau!.Estimate!.Value + (decay.Initial!.Estimate!.Value - decay.Plateau.Estimate.Value) * Math.Exp(-decay.Rate!.Estimate!.Value * t);
                curve.Append(F(X(t))).Append(',').Append(F(Y(y))).Append(' ');
            }

            html.Open("polyline", ("points", curve.ToString().TrimEnd()), ("fill", "none"), ("stroke", "#b3261e"), ("stroke-width", "2"), ("stroke-dasharray", "6 4"), ("class", "decay-curve")).Close("polyline").Line();
        }

        foreach (var p in points)
        {
            if (double.IsFinite(p.CiLower))
            {
                html.Open("line", ("x1", F(X(p.MeanDays))), ("x2", F(X(p.MeanDays))), ("y1", F(Y(p.CiLower))), ("y2", F(Y(p.CiUpper))), ("stroke", "#0b57d0"), ("stroke-width", "2")).Close("line").Line();
            }

            html.Open("circle", ("cx", F(X(p.MeanDays))), ("cy", F(Y(p.OutcomeMean))), ("r", "5"), ("fill", "#0b57d0"), ("class", "wave-mean")).Close("circle").Line();
        }

        html.Raw("</svg>").Line();
    }

    /// <summary>The stored model's decay curve when it converged with every parameter the curve needs.</summary>
    internal static DecayDocument? Decay(DashboardData data) =>
        data.Model?.Analysis.Decay is { Converged: true, Plateau.Estimate: not null, Initial.Estimate: not null, Rate.Estimate: not null } decay ? decay : null;

    private static IEnumerable<WaveTrend> Points(DashboardData data) =>
        data.Trend.Where(t => t.OutcomeN > 0 && double.IsFinite(t.OutcomeMean) && double.IsFinite(t.MeanDays));

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
