using System.CommandLine;

namespace Tracker.Cli.Api;

/// <summary>The --url and --key options every command that talks to the Function App shares, falling back to TRACKER_URL and TRACKER_ADMIN_KEY.</summary>
public sealed class ApiOptions
{
    public Option<string?> Url { get; } = new("--url")
    {
        Description = $"The Function App's URL, e.g. https://<app>.azurewebsites.net or http://127.0.0.1:7071 (default: ${ApiConnection.UrlVariable}).",
    };

    public Option<string?> Key { get; } = new("--key")
    {
        Description = $"The admin key: a function or host key in Azure, the key `tracker serve` prints locally (default: ${ApiConnection.KeyVariable}).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(Key);
    }

    public bool TryResolve(ParseResult parse, out ApiConnection? connection, out string? problem) =>
        ApiConnection.TryCreate(
            parse.GetValue(Url) ?? Environment.GetEnvironmentVariable(ApiConnection.UrlVariable),
            parse.GetValue(Key) ?? Environment.GetEnvironmentVariable(ApiConnection.KeyVariable),
            out connection,
            out problem);
}
