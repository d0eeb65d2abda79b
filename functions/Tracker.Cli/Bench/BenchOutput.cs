using System.CommandLine;
using Spectre.Console;

namespace Tracker.Cli.Bench;

/// <summary>How every <c>tracker bench</c> run reports: progress in grey, the table, one JSON line on stdout (and in <c>--json FILE</c>); <c>--json -</c> prints only the JSON.</summary>
internal static class BenchOutput
{
    public static bool IsQuiet(string? jsonPath) => jsonPath == "-";

    public static Action<string> Progress(string? jsonPath) =>
        line =>
        {
            if (!IsQuiet(jsonPath)) AnsiConsole.MarkupLine($"[grey]{Markup.Escape(line)}[/]");
        };

    /// <summary>Prints the table unless quiet, writes the JSON line, and exits 0 only when the run's accounting held.</summary>
    public static async Task<int> FinishAsync(ParseResult parse, string? jsonPath, Action printTable, string jsonLine, bool accountingHeld, CancellationToken cancellationToken)
    {
        if (!IsQuiet(jsonPath)) printTable();
        await parse.InvocationConfiguration.Output.WriteLineAsync(jsonLine);
        if (jsonPath is not null && !IsQuiet(jsonPath))
        {
            await File.WriteAllTextAsync(jsonPath, jsonLine + "\n", cancellationToken);
        }

        if (accountingHeld) return 0;

        // Exit 1 alone reads like a crash: say which check failed so the JSON's accounting is looked at.
        await parse.InvocationConfiguration.Error.WriteLineAsync("tracker bench: the accounting did not hold (see \"accounting\" in the JSON line): " + jsonLine);
        return 1;
    }
}
