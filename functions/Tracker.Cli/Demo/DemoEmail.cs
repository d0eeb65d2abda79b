namespace Tracker.Cli.Demo;

/// <summary>A simulated participant's email as read back from smtp4dev: their survey link and when it arrived (smtp4dev's real clock).</summary>
public sealed record DemoEmail(string Link, DateTimeOffset Received);
