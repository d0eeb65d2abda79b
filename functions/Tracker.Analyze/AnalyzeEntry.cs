using System.CommandLine;
using Tracker.Cli.Analyze;

namespace Tracker.Analyze;

/// <summary>`tracker-analyze`: the same command as `tracker analyze` (its options, output and exit codes), as the root of its own executable.</summary>
public static class AnalyzeEntry
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var command = AnalyzeCommand.Create();
        var root = new RootCommand(command.Description ?? "");
        foreach (var option in command.Options) root.Options.Add(option);
        root.Action = command.Action;
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // As the CLI answers a command line that does not parse: one line on stderr and exit 2, not the help page.
            var messages = parse.Errors.Select(e => e.Message.TrimEnd('.')).Distinct(StringComparer.Ordinal);
            await error.WriteLineAsync($"error: {string.Join("; ", messages)} (see tracker-analyze --help)");
            return AnalyzeCommand.BadInput;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }
}
