using System.Diagnostics;
using System.Globalization;
using System.Text;
using Tracker.Analysis.Riclpm;
using Tracker.Cli.Analyze;

namespace Tracker.Cli.Bench;

/// <summary>
/// Times Tracker's whole RI-CLPM process — read the long CSV, reshape to wide, fit, fit measures —
/// against lavaan's model fit alone on the already-wide data (timed inside R, so R's start-up,
/// CSV reading and reshaping are not charged to it), and compares their lagged-path estimates.
/// </summary>
public static class RiclpmBenchmark
{
    public static async Task<RiclpmBenchReport> RunAsync(int participants, int waves, int seed, bool equal, bool withLavaan, string workDirectory, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var longCsv = Path.Combine(workDirectory, "riclpm_long.csv");
        progress($"simulating {participants:N0} participants × {waves} waves …");
        var rows = RiclpmPanelSimulation.WriteLongCsv(longCsv, participants, waves, seed);
        var specification = new RiclpmSpecification(RiclpmPanelSimulation.Constructs, equal);

        progress("Tracker: read long CSV, reshape, fit, fit measures …");
        WidePanel panel;
        RiclpmFit fit;
        var clock = Stopwatch.StartNew();
        var sampler = MemorySampler.Start();
        try
        {
            clock.Restart();
            var table = CsvTableLoader.Load(longCsv, specification.Subject);
            panel = WidePanel.FromLong(table, specification.Subject, specification.Wave, specification.Constructs);
            fit = RiclpmModel.Fit(panel, equal, cancellationToken);
            clock.Stop();
        }
        finally
        {
            await sampler.DisposeAsync();
        }
        var peakWorkingSet = sampler.PeakWorkingSetBytes;
        var trackerSeconds = clock.Elapsed.TotalSeconds;

        double? lavaanSeconds = null, lavaanMemory = null, difference = null;
        string? note;
        if (!withLavaan)
        {
            note = "lavaan not run (--no-lavaan)";
        }
        else if (!await LavaanAvailableAsync(cancellationToken))
        {
            note = "lavaan is missing (Rscript with the lavaan package not found): Tracker timed alone";
        }
        else
        {
            progress("lavaan: the same model on the already-wide data (fit timed inside R) …");
            var wideCsv = Path.Combine(workDirectory, "riclpm_wide.csv");
            WriteWideCsv(panel, wideCsv);
            var script = Path.Combine(workDirectory, "riclpm_lavaan.R");
            await File.WriteAllTextAsync(script, LavaanScript, cancellationToken);
            var (exit, output, error) = await RunAsync("Rscript", [script, wideCsv, string.Join(',', specification.Constructs), equal ? "equal" : "free"], cancellationToken);
            if (exit != 0)
            {
                note = "lavaan failed: " + error.Trim().ReplaceLineEndings(" ");
            }
            else
            {
                var lavaanPaths = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var parts = line.Split(' ');
                    if (parts[0] == "seconds") lavaanSeconds = double.Parse(parts[1], CultureInfo.InvariantCulture);
                    else if (parts[0] == "memory") lavaanMemory = double.Parse(parts[1], CultureInfo.InvariantCulture);
                    else if (parts[0] == "path") lavaanPaths[parts[1] + "~" + parts[2]] = double.Parse(parts[3], CultureInfo.InvariantCulture);
                }
                if (fit.Identified && lavaanPaths.Count > 0)
                    difference = fit.LaggedPaths.Max(p => lavaanPaths.TryGetValue(p.Lhs + "~" + p.Rhs, out var v) ? Math.Abs(v - p.Estimate) : double.PositiveInfinity);
                note = "lavaan " + (output.Split('\n').FirstOrDefault(l => l.StartsWith("version", StringComparison.Ordinal))?[8..].Trim() ?? "");
            }
        }

        return new RiclpmBenchReport(participants, waves, rows, equal, trackerSeconds, peakWorkingSet / 1048576.0, fit.Problem, lavaanSeconds, lavaanMemory, note, difference);
    }

    private static void WriteWideCsv(WidePanel panel, string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.WriteLine(string.Join(',', panel.VariableNames));
        var p = panel.Variables;
        var line = new StringBuilder();
        for (var i = 0; i < panel.Participants; i++)
        {
            line.Clear();
            for (var v = 0; v < p; v++)
            {
                if (v > 0) line.Append(',');
                var value = panel.Values[(long)i * p + v];
                line.Append(double.IsNaN(value) ? "NA" : value.ToString("R", CultureInfo.InvariantCulture));
            }
            writer.WriteLine(line);
        }
    }

    private static async Task<bool> LavaanAvailableAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (exit, _, _) = await RunAsync("Rscript", ["-e", "quit(status = if (requireNamespace('lavaan', quietly = TRUE)) 0 else 1)"], cancellationToken);
            return exit == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The same model as Tracker's (and the reference tests'), lavaan's fit timed alone; prints seconds, R's peak memory (gc max used, Mb) and the lagged paths.</summary>
    private const string LavaanScript = """
        suppressPackageStartupMessages(library(lavaan))
        args <- commandArgs(trailingOnly = TRUE)
        wide <- read.csv(args[1])
        cs <- strsplit(args[2], ",")[[1]]
        equal <- args[3] == "equal"
        waves <- sort(unique(as.integer(sub(".*_t", "", names(wide)))))
        l <- character()
        for (c in cs) l <- c(l, paste0("RI_", c, " =~ ", paste0("1*", c, "_t", waves, collapse = " + ")))
        for (k in waves) for (c in cs) l <- c(l, paste0("w_", c, "_t", k, " =~ 1*", c, "_t", k), paste0(c, "_t", k, " ~~ 0*", c, "_t", k), paste0(c, "_t", k, " ~ 1"), paste0("w_", c, "_t", k, " ~ 0*1"))
        for (k in waves[-1]) for (c in cs) l <- c(l, paste0("w_", c, "_t", k, " ~ ", paste0(if (equal) paste0("b_", c, "_", cs, "*") else "", "w_", cs, "_t", k - 1, collapse = " + ")))
        for (k in waves) for (i in seq_along(cs)) for (j in i:length(cs)) l <- c(l, paste0("w_", cs[i], "_t", k, " ~~ w_", cs[j], "_t", k))
        for (i in seq_along(cs)) for (j in i:length(cs)) l <- c(l, paste0("RI_", cs[i], " ~~ RI_", cs[j]))
        for (c in cs) for (d in cs) for (k in waves) l <- c(l, paste0("RI_", c, " ~~ 0*w_", d, "_t", k))
        for (c in cs) l <- c(l, paste0("RI_", c, " ~ 0*1"))
        model <- paste(l, collapse = "\n")
        invisible(gc(reset = TRUE))
        seconds <- system.time(fit <- lavaan(model, data = wide, missing = "ml", meanstructure = TRUE, int.ov.free = TRUE,
                                             information = "observed", observed.information = "hessian"))[["elapsed"]]
        memory <- sum(gc()[, 6])
        cat("version", as.character(packageVersion("lavaan")), "\n")
        cat("seconds", seconds, "\n")
        cat("memory", memory, "\n")
        pe <- parameterEstimates(fit)
        pe <- pe[pe$op == "~", ]
        for (i in seq_len(nrow(pe))) cat("path", pe$lhs[i], pe$rhs[i], format(pe$est[i], digits = 15), "\n")
        """;
}
