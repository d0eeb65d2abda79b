namespace Tracker.Cli.Smoke;

/// <summary>One line of <c>tracker smoke</c>: what was checked, how it came out, and what was seen.</summary>
public sealed record SmokeCheck(string Name, SmokeOutcome Outcome, string Detail)
{
    public override string ToString() => $"{Outcome.ToString().ToLowerInvariant(),-4}  {Name}: {Detail}";
}

/// <summary><see cref="Skip"/> is a check the run could not make (the charts without --to); it fails nothing.</summary>
public enum SmokeOutcome
{
    Pass,
    Fail,
    Skip,
}
