namespace Tracker.Cli.Api;

/// <summary>A problem with what the researcher gave the command (a file, an option), reported as one line with exit code 2.</summary>
public sealed class CommandInputException(string message) : Exception(message);
