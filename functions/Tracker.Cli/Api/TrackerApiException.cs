namespace Tracker.Cli.Api;

/// <summary>The Function App refused a request; the message is one line ready to print, built from the API's problem body.</summary>
public sealed class TrackerApiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
