using System.CommandLine;
using System.Globalization;

namespace Tracker.Browser.Tests;

/// <summary>Runs tracker commands through System.CommandLine in-process, pointed at the fixture's stack unless the arguments say otherwise.</summary>
internal static class InProcessCli
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(BrowserFixture stack, IEnumerable<Command> commands, params string[] arguments)
    {
        var root = new RootCommand("tracker");
        foreach (var command in commands) root.Subcommands.Add(command);
        var connection = new List<string>();
        if (!arguments.Contains("--url")) connection.AddRange(["--url", stack.Stack.Host.BaseUrl.ToString()]);
        if (!arguments.Contains("--key")) connection.AddRange(["--key", stack.Stack.AdminKey]);
        var help = arguments.Contains("--help");
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exitCode = await root.Parse(help ? arguments : [.. arguments, .. connection]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
