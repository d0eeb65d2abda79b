using System.CommandLine;
using Spectre.Console;
using Tracker.Analysis;
using Tracker.Model.Models;

namespace Tracker.Cli.Analyze;

/// <summary>
/// `tracker analyze`: fits every longitudinal model to a long-format CSV and prints a report and/or
/// writes JSON; with --riclpm also the RI-CLPM of the named constructs. Bad input (missing file or column, non-numeric value, empty data, unparsable formula,
/// unidentifiable model) ends with one line "error: ..." on stderr and exit code 2, never a stack trace.
/// </summary>
public static class AnalyzeCommand
{
    public const int BadInput = 2;

    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "Long-format CSV: one row per participant and wave.", Required = true };
        var formula = new Option<string?>("--formula") { Description = "lme4 formula of the growth model (default: outcome ~ time + (time | subject))." };
        var outcome = new Option<string>("--outcome") { Description = "Outcome column.", DefaultValueFactory = _ => "willingness" };
        var time = new Option<string>("--time") { Description = "Time column (e.g. days since enrolment).", DefaultValueFactory = _ => "days" };
        var subject = new Option<string>("--subject") { Description = "Participant id column.", DefaultValueFactory = _ => "participant_id" };
        var wave = new Option<string>("--wave") { Description = "Wave number column.", DefaultValueFactory = _ => "wave" };
        var riclpm = new Option<string?>("--riclpm") { Description = "Also fit the random-intercept cross-lagged panel model to these 2-4 construct columns, comma-separated (e.g. ownership,willingness)." };
        var riclpmEqual = new Option<bool>("--riclpm-equal") { Description = "Hold each lagged path of the RI-CLPM equal over waves (default: free per wave)." };
        var json = new Option<string?>("--json") { Description = "Also write the results as JSON to this path, or '-' for standard output (then no report is printed)." };

        var command = new Command("analyze", "Fit the longitudinal models (growth, decay, persistence, retention, descriptives, reliability) to a long-format CSV.");
        foreach (var option in new Option[] { input, formula, outcome, time, subject, wave, riclpm, riclpmEqual, json }) command.Options.Add(option);
        command.SetAction(async (ParseResult parseResult, CancellationToken cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var options = new PanelAnalysisOptions
            {
                Formula = parseResult.GetValue(formula),
                Outcome = parseResult.GetValue(outcome)!,
                Time = parseResult.GetValue(time)!,
                Subject = parseResult.GetValue(subject)!,
                Wave = parseResult.GetValue(wave)!,
            };
            if (!RiclpmArguments.TryParse(parseResult.GetValue(riclpm), parseResult.GetValue(riclpmEqual), out var specification, out var riclpmError))
            {
                await error.WriteLineAsync($"error: {riclpmError}");
                return BadInput;
            }
            options = options with { Riclpm = specification };
            if (options.Formula is { } text)
            {
                // A formula names the response and the grouping column: use them unless told otherwise.
                Tracker.Analysis.Formula.ModelFormula parsed;
                try
                {
                    parsed = Tracker.Analysis.Formula.ModelFormula.Parse(text);
                }
                catch (AnalysisException e)
                {
                    await error.WriteLineAsync($"error: {OneLine(e.Message)}");
                    return BadInput;
                }
                if (IsImplicit(parseResult, outcome)) options = options with { Outcome = parsed.Response };
                if (IsImplicit(parseResult, subject)) options = options with { Subject = parsed.Random.Group };
            }
            return await RunAsync(parseResult.GetValue(input)!.FullName, options, parseResult.GetValue(json), output, error, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(string path, PanelAnalysisOptions options, string? jsonTarget, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var timings = AnalyzeTimings.Start(error);
        PanelReport report;
        int rows;
        try
        {
            var table = CsvTableLoader.Load(path, options.Subject);
            timings?.Lap("read");
            rows = table.RowCount;
            report = PanelAnalysis.Analyze(table, options);
            timings?.Lap("models");
            // After a single wave the growth model cannot be identified by design: report what can be, not an error.
            if (report.Growth.Problem is { } problem && !SingleWave(report))
                throw new AnalysisException($"the growth model '{report.Growth.Formula}' cannot be identified: {problem}");
        }
        catch (Exception e) when (e is AnalysisException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await error.WriteLineAsync($"error: {OneLine(e.Message)}");
            return BadInput;
        }

        if (jsonTarget == "-")
        {
            await output.WriteLineAsync(AnalysisJson.Serialize(ModelDocumentFactory.FromReport(report)).AsMemory(), cancellationToken);
            timings?.Lap("report");
            return 0;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = output == Console.Out ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = output == Console.Out ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        AnalysisReportPrinter.Print(console, report, options, Path.GetFileName(path), rows);
        if (jsonTarget is not null)
        {
            try
            {
                await using var stream = File.Create(jsonTarget);
                await AnalysisJson.SerializeAsync(stream, ModelDocumentFactory.FromReport(report), cancellationToken);
                console.MarkupLine($"JSON written to {Markup.Escape(jsonTarget)}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"error: cannot write '{jsonTarget}': {OneLine(e.Message)}");
                return BadInput;
            }
        }
        timings?.Lap("report");
        return 0;
    }

    private static bool SingleWave(PanelReport report) => report.WaveCount <= 1;

    private static bool IsImplicit(ParseResult parseResult, Option option) => parseResult.GetResult(option) is null or { Implicit: true };

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
