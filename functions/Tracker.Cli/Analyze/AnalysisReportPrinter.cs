using System.Globalization;
using Spectre.Console;
using Tracker.Analysis;
using Tracker.Analysis.Decay;

namespace Tracker.Cli.Analyze;

/// <summary>The human-readable report: a table per model, and the decay curve in plain words.</summary>
public static class AnalysisReportPrinter
{
    public static void Print(IAnsiConsole console, PanelReport report, PanelAnalysisOptions options, string source, int rows)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        console.Write(new Rule($"[bold]tracker analyze[/] {Markup.Escape(source)}").LeftJustified());
        console.MarkupLine($"{rows} rows, {report.Retention.Participants} participants, final wave {F(report.Retention.FinalWave)}; outcome [bold]{Markup.Escape(options.Outcome)}[/], time [bold]{Markup.Escape(options.Time)}[/].");
        console.WriteLine();
        if (report.WaveCount <= 1)
        {
            console.MarkupLine("[yellow]Only one wave so far:[/] the descriptives, reliability and retention below are what one wave supports. " +
                "The growth model and persistence need at least 2 waves, the decay curve at least 4 distinct times, and the RI-CLPM at least 3 waves.");
            console.WriteLine();
        }
        PrintGrowth(console, report.Growth);
        PrintDecay(console, report.Decay, options);
        PrintPersistence(console, report);
        if (report.Riclpm is { } riclpm) RiclpmReportPrinter.Print(console, riclpm);
        PrintRetention(console, report);
        PrintDescriptives(console, report);
        PrintReliability(console, report);
    }

    private static void PrintGrowth(IAnsiConsole console, GrowthOutcome growth)
    {
        console.MarkupLine($"[bold underline]Growth model[/] (linear mixed model, REML): {Markup.Escape(growth.Formula)}");
        if (growth.Fit is not { } fit)
        {
            console.MarkupLine($"[yellow]not fitted:[/] {Markup.Escape(growth.Problem ?? "")}");
            console.WriteLine();
            return;
        }
        var table = new Table().AddColumns("term", "estimate", "std. error", "t");
        foreach (var effect in fit.Fixed)
            table.AddRow(Markup.Escape(effect.Name), F(effect.Estimate), F(effect.StandardError), F(effect.T, "0.00"));
        console.Write(table);
        var random = new Table().AddColumns("random effect", "SD", "correlation");
        if (fit.Random.SdIntercept is { } sd0) random.AddRow($"{Markup.Escape(fit.Random.Group)} (Intercept)", F(sd0), "");
        if (fit.Random.SdSlope is { } sd1) random.AddRow($"{Markup.Escape(fit.Random.Group)} {Markup.Escape(fit.Random.SlopeName ?? "")}", F(sd1), fit.Random.Correlation is { } r ? F(r, "0.000") : "");
        random.AddRow("residual", F(fit.Random.SdResidual), "");
        console.Write(random);
        console.MarkupLine($"REML criterion {F(fit.RemlCriterion, "0.0000")}; {fit.Observations} observations in {fit.Groups} groups; {(fit.Converged ? "converged" : "[yellow]not converged[/]")}{(fit.Singular ? ", [yellow]singular (boundary) fit[/]" : "")}.");
        if (fit.Message is not null) console.MarkupLine($"[yellow]{Markup.Escape(fit.Message)}[/]");
        console.WriteLine();
    }

    private static void PrintDecay(IAnsiConsole console, DecayFit decay, PanelAnalysisOptions options)
    {
        console.MarkupLine($"[bold underline]Decay to a plateau[/] ({Markup.Escape(options.Outcome)} = plateau + (initial − plateau)·exp(−rate·{Markup.Escape(options.Time)}))");
        if (!decay.Converged)
        {
            console.MarkupLine($"[yellow]{(decay.NotIdentified ? "no finding" : "no curve")}:[/] {Markup.Escape(decay.Message ?? "")}");
            console.WriteLine();
            return;
        }
        var table = new Table().AddColumns("parameter", "estimate", "std. error");
        table.AddRow("plateau", F(decay.Plateau!.Estimate), F(decay.Plateau.StandardError));
        table.AddRow("initial", F(decay.Initial!.Estimate), F(decay.Initial.StandardError));
        table.AddRow("rate", F(decay.Rate!.Estimate), F(decay.Rate.StandardError));
        table.AddRow("half-life", F(decay.HalfLife!.Estimate), F(decay.HalfLife.StandardError));
        console.Write(table);
        var falls = decay.Initial.Estimate > decay.Plateau.Estimate;
        console.MarkupLine(
            $"{Markup.Escape(options.Outcome)} {(falls ? "decays" : "rises")} from {F(decay.Initial.Estimate, "0.00")} at {Markup.Escape(options.Time)} 0 towards a plateau of {F(decay.Plateau.Estimate, "0.00")} (SE {F(decay.Plateau.StandardError, "0.00")}); " +
            $"half of the remaining distance to the plateau is covered every {F(decay.HalfLife.Estimate, "0.0")} {Markup.Escape(options.Time)} (half-life, SE {F(decay.HalfLife.StandardError, "0.0")}).");
        console.MarkupLine($"RSS {F(decay.Rss!.Value)}, residual SD {F(decay.Sigma!.Value)} on {decay.Df} degrees of freedom.");
        console.WriteLine();
    }

    private static void PrintPersistence(IAnsiConsole console, PanelReport report)
    {
        var persistence = report.Persistence;
        console.MarkupLine("[bold underline]Persistence[/] (AR(1) across consecutive waves, cluster-robust SEs by participant)");
        if (!persistence.Estimable)
        {
            console.MarkupLine($"[yellow]not estimable:[/] {Markup.Escape(persistence.Message ?? "")}");
            console.WriteLine();
            return;
        }
        var table = new Table().AddColumns("parameter", "estimate", "std. error (CR1)");
        table.AddRow("rho (previous wave)", F(persistence.Rho!.Estimate), F(persistence.Rho.StandardError));
        table.AddRow("intercept", F(persistence.Intercept!.Estimate), F(persistence.Intercept.StandardError));
        console.Write(table);
        console.MarkupLine($"{persistence.Pairs} consecutive-wave pairs from {persistence.Groups} participants.");
        console.WriteLine();
    }

    private static void PrintRetention(IAnsiConsole console, PanelReport report)
    {
        console.MarkupLine("[bold underline]Retention[/] (Kaplan–Meier; event = dropped out before the final wave)");
        var table = new Table().AddColumns("wave", "at risk", "dropped out", "retained", "std. error");
        foreach (var point in report.Retention.Points)
            table.AddRow(F(point.Wave), point.AtRisk.ToString(CultureInfo.InvariantCulture), point.Events.ToString(CultureInfo.InvariantCulture), F(point.Survival, "0.0000"), F(point.StandardError, "0.0000"));
        console.Write(table);
        console.WriteLine();
    }

    private static void PrintDescriptives(IAnsiConsole console, PanelReport report)
    {
        if (report.Descriptives.Count == 0) return;
        console.MarkupLine("[bold underline]Per-wave descriptives[/]");
        var table = new Table().AddColumns("column", "wave", "n", "mean", "SD", "95% CI");
        foreach (var column in report.Descriptives)
            foreach (var wave in column.Waves)
                table.AddRow(Markup.Escape(column.Column), F(wave.Wave), wave.N.ToString(CultureInfo.InvariantCulture), F(wave.Mean), F(wave.Sd), double.IsNaN(wave.CiLower) ? "" : $"{F(wave.CiLower)} – {F(wave.CiUpper)}");
        console.Write(table);
        console.WriteLine();
    }

    private static void PrintReliability(IAnsiConsole console, PanelReport report)
    {
        if (report.Reliability.Count == 0) return;
        console.MarkupLine("[bold underline]Reliability[/] (Cronbach's α per construct and wave)");
        var table = new Table().AddColumns("construct", "items", "wave", "n", "alpha");
        foreach (var construct in report.Reliability)
            foreach (var wave in construct.Waves)
                table.AddRow(Markup.Escape(construct.Construct), construct.Items.Count.ToString(CultureInfo.InvariantCulture), F(wave.Wave), wave.N.ToString(CultureInfo.InvariantCulture), F(wave.Alpha, "0.000") + (wave.Warning is null ? "" : " (!)"));
        console.Write(table);
        foreach (var construct in report.Reliability)
            foreach (var wave in construct.Waves.Where(w => w.Warning is not null))
                console.MarkupLine($"[yellow](!) {Markup.Escape(construct.Construct)}, wave {F(wave.Wave)}:[/] {Markup.Escape(wave.Warning!)}.");
        console.WriteLine();
    }

    private static string F(double value, string? format = null) =>
        double.IsNaN(value) ? "–" : value.ToString(format ?? "G6", CultureInfo.InvariantCulture);
}
