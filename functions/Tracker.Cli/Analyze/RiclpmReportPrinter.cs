using System.Globalization;
using Spectre.Console;
using Tracker.Analysis.Riclpm;

namespace Tracker.Cli.Analyze;

/// <summary>
/// The RI-CLPM section of the report: fit, the lagged paths as a table, and each lagged path in
/// words — what a participant one point above their own usual level at one wave is expected to show
/// at the next, with its 95 % interval and whether that is clearly different from zero.
/// </summary>
public static class RiclpmReportPrinter
{
    public static void Print(IAnsiConsole console, RiclpmFit riclpm)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(riclpm);
        console.MarkupLine($"[bold underline]Within-person cross-lagged paths[/] (RI-CLPM of {Markup.Escape(string.Join(", ", riclpm.Constructs))} over waves {string.Join(", ", riclpm.Waves)}; lagged paths {(riclpm.EqualLaggedPaths ? "equal over waves" : "free per wave")}; ML with missing waves, as lavaan)");
        if (riclpm.Fit is not { } fit)
        {
            console.MarkupLine($"[yellow]no estimates:[/] {Markup.Escape(riclpm.Problem ?? "")}");
            console.WriteLine();
            return;
        }
        var table = new Table().AddColumns("path", "estimate", "std. error", "95% interval");
        var paths = riclpm.LaggedPaths.ToList();
        foreach (var path in paths)
        {
            var (lower, upper) = path.Interval;
            table.AddRow(Markup.Escape($"{path.Lhs} ~ {path.Rhs}"), F(path.Estimate, "0.000"), F(path.StandardError, "0.000"), $"{F(lower, "0.000")} – {F(upper, "0.000")}");
        }
        console.Write(table);
        console.MarkupLine($"{fit.Participants} participants; log-likelihood {F(fit.LogLikelihood, "0.000")}, {fit.Parameters} parameters; χ² {F(fit.ChiSquare, "0.00")} on {fit.DegreesOfFreedom} df, CFI {F(fit.Cfi, "0.000")}, RMSEA {F(fit.Rmsea, "0.000")}.");
        // Equal paths say the same at every wave: one sentence each; free paths one per wave.
        var sentences = riclpm.EqualLaggedPaths ? paths.DistinctBy(p => (Construct(p.Lhs), Construct(p.Rhs))) : paths;
        foreach (var path in sentences) console.MarkupLine(Markup.Escape(Sentence(path, riclpm.EqualLaggedPaths)));
        console.WriteLine();
    }

    /// <summary>e.g. "A participant whose ownership was 1 point above their own usual level at one wave was, at the next wave, 0.21 points [0.08, 0.34] more willing than usual — clearly different from zero."</summary>
    public static string Sentence(RiclpmParameter path, bool equalOverWaves)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (cause, causeWave) = Split(path.Rhs);
        var (effect, effectWave) = Split(path.Lhs);
        var when = equalOverWaves ? "at one wave" : $"in wave {causeWave}";
        var then = equalOverWaves ? "at the next wave" : $"in wave {effectWave}";
        var (lower, upper) = path.Interval;
        // The interval is stated in the direction of the estimate, as the size is.
        if (path.Estimate < 0) (lower, upper) = (-upper, -lower);
        var direction = path.Estimate >= 0 ? "higher" : "lower";
        var size = Math.Abs(path.Estimate);
        var verdict = path.ClearlyNonZero ? "clearly different from zero" : "not clearly different from zero";
        return $"A participant whose {cause} was 1 point above their own usual level {when} was, {then}, {F(size, "0.00")} points [{F(lower, "0.00")}, {F(upper, "0.00")}] {direction} than usual in {effect} — {verdict}.";
    }

    private static string Construct(string within) => Split(within).Construct;

    /// <summary>"w_ownership_t3" → ("ownership", "3").</summary>
    private static (string Construct, string Wave) Split(string within)
    {
        var name = within.StartsWith("w_", StringComparison.Ordinal) ? within[2..] : within;
        var at = name.LastIndexOf("_t", StringComparison.Ordinal);
        return at < 0 ? (name, "") : (name[..at], name[(at + 2)..]);
    }

    private static string F(double value, string? format = null) =>
        double.IsNaN(value) ? "–" : value.ToString(format ?? "G6", CultureInfo.InvariantCulture);
}
