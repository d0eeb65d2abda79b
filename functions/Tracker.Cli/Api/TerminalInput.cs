namespace Tracker.Cli.Api;

/// <summary>
/// Where a command asks a question (a confirmation before something that cannot be undone): standard input, and
/// whether a person is at it. A script's piped input is never taken as an answer.
/// </summary>
public sealed record TerminalInput(bool IsTerminal, TextReader Reader)
{
    public static TerminalInput FromConsole() => new(!Console.IsInputRedirected, Console.In);
}
