using Spectre.Console;

namespace Tracker.Cli.Api;

/// <summary>A Spectre console on the invocation's output: colours and live progress on a terminal, plain text when redirected or captured.</summary>
public static class CliConsole
{
    public static IAnsiConsole For(TextWriter output)
    {
        var terminal = output == Console.Out && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        // Redirected output has no width; wide enough that tables stay one line per row in files and logs.
        if (!terminal) console.Profile.Width = 160;
        return console;
    }

    public static bool IsTerminal(TextWriter output) => output == Console.Out && !Console.IsOutputRedirected;
}
