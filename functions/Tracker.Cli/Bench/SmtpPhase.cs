namespace Tracker.Cli.Bench;

/// <summary>One timed sending phase of <c>tracker bench dispatch</c>: how many messages over how many SMTP connections, in how long.</summary>
public sealed record SmtpPhase(string Name, int Connections, int Messages, TimeSpan Elapsed)
{
    public double PerSecond => Elapsed > TimeSpan.Zero ? Messages / Elapsed.TotalSeconds : 0;
}
