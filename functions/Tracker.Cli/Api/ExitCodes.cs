namespace Tracker.Cli.Api;

/// <summary>Exit codes of the commands that talk to the Function App (documented in docs/researcher.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The service could not be reached, failed, or the output could not be written.</summary>
    public const int Failed = 1;

    /// <summary>Bad input: a missing file or option, or the API refused the request (4xx).</summary>
    public const int BadInput = 2;
}
