using System.Globalization;
using Spectre.Console;
using Tracker.Model.Models;

namespace Tracker.Cli.Models;

/// <summary>The stored model as a researcher reads it: one line per section with its 95% interval, then a row per wave.</summary>
public static class ModelPrinter
{
    public static void Print(IAnsiConsole console, ModelDocument model)
    {
        var analysis = model.Analysis;
        console.MarkupLineInterpolated($"Model of [bold]{model.PanelName}[/] ({model.PanelId}), outcome {model.Outcome} on a {model.ScaleMin}–{model.ScaleMax} scale");
        var summary = new Table().AddColumn("").AddColumn("");
        summary.HideHeaders();
        summary.AddRow("fitted at", $"{Time(model.FittedAt)} UTC" + (model.LatestResponseAt is { } latest ? $" (newest response {Time(latest)} UTC)" : ""));
        summary.AddRow("waves", $"{model.Waves.Count(w => w.Responded > 0)} with responses of {model.WavesPlanned} planned");
        summary.AddRow("growth", Markup.Escape(Growth(analysis.Growth)));
        summary.AddRow("decay half-life", Markup.Escape(Decay(analysis.Decay)));
        summary.AddRow("persistence", Markup.Escape(Persistence(analysis.Persistence)));
        summary.AddRow("retention", Markup.Escape(Retention(analysis.Retention)));
        console.Write(summary);

        var waves = new Table()
            .AddColumn(new TableColumn("wave").RightAligned())
            .AddColumn("state")
            .AddColumn("opens (UTC)")
            .AddColumn("closes (UTC)")
            .AddColumn(new TableColumn("days").RightAligned())
            .AddColumn(new TableColumn("invited").RightAligned())
            .AddColumn(new TableColumn("responded").RightAligned())
            .AddColumn(new TableColumn("response rate").RightAligned());
        foreach (var wave in model.Waves)
        {
            waves.AddRow(
                Whole(wave.Wave), wave.State, Time(wave.OpensAt), Time(wave.ClosesAt), wave.Days.ToString("0.0", CultureInfo.InvariantCulture),
                Whole(wave.Invited), Whole(wave.Responded), wave.ResponseRate is { } rate ? rate.ToString("P1", CultureInfo.InvariantCulture) : "–");
        }

        console.Write(waves);
    }

    private static string Growth(GrowthDocument growth)
    {
        if (!growth.Converged || growth.Fixed is null || !growth.Fixed.TryGetValue("days", out var slope) || slope.Estimate is not { } perDay)
        {
            return $"not fitted: {growth.Message ?? "no estimate"}";
        }

        var interval = slope.CiLower is { } lower && slope.CiUpper is { } upper ? $" [{Number(lower, "0.0000")}, {Number(upper, "0.0000")}]" : "";
        return $"{Number(perDay, "0.0000")} per day{interval}, {Number(perDay * 30, "0.00")} per 30 days" + (slope.ExcludesZero ? "" : " (no clear change: the interval includes 0)");
    }

    private static string Decay(DecayDocument decay)
    {
        if (!decay.Converged || decay.HalfLife?.Estimate is not { } halfLife)
        {
            return $"no clear decay to a plateau{(decay.Message is { } why ? $": {why}" : "")}";
        }

        var plateau = decay.Plateau?.Estimate is { } level ? $", plateau {Number(level, "0.00")}{Interval(decay.Plateau, "0.00")}" : "";
        return $"{Number(halfLife, "0.0")} days{Interval(decay.HalfLife, "0.0")}{plateau}";
    }

    private static string Persistence(PersistenceDocument persistence) =>
        persistence.Converged && persistence.Rho?.Estimate is { } rho
            ? $"rho {Number(rho, "0.000")}{Interval(persistence.Rho, "0.000")} from {persistence.NPairs} pairs of consecutive waves"
            : $"not estimated{(persistence.Message is { } why ? $": {why}" : "")}";

    private static string Retention(RetentionDocument retention) =>
        retention.FinalWave is { } share
            ? $"{share.ToString("P1", CultureInfo.InvariantCulture)} of {retention.N} still answering at the last wave (Kaplan–Meier)"
            : $"not estimated ({retention.N} participants)";

    private static string Interval(EstimateDocument? estimate, string format) =>
        estimate is { CiLower: { } lower, CiUpper: { } upper } ? $" [{Number(lower, format)}, {Number(upper, format)}]" : "";

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
