using System.CommandLine;
using Tracker.Cli.Analyze;

namespace Tracker.Cli.Tests;

/// <summary>Runs `tracker analyze` in-process through System.CommandLine, capturing stdout, stderr and the exit code.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static string Reference(string file) => Path.Combine(AppContext.BaseDirectory, "Reference", file);

    public static async Task<CliRun> AnalyzeAsync(params string[] arguments)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(AnalyzeCommand.Create());
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await root.Parse(["analyze", .. arguments]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
