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

    public Option<bool> SignIn { get; } = new("--sign-in")
    {
        Description = "Sign in with Microsoft Entra ID (the Azure CLI's account, else a device code) and act with your app role; a key, if given too, is sent as well.",
    };

    public Option<string?> Scope { get; } = new("--scope")
    {
        Description = $"The app's scope for --sign-in (default: ${CliSignIn.ScopeVariable}, else api://${CliSignIn.ClientIdVariable}/.default).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(Key);
        command.Options.Add(SignIn);
        command.Options.Add(Scope);
    }

    public bool TryResolve(ParseResult parse, out ApiConnection? connection, out string? problem) =>
        ApiConnection.TryCreate(
            parse.GetValue(Url) ?? Environment.GetEnvironmentVariable(ApiConnection.UrlVariable),
            parse.GetValue(Key) ?? Environment.GetEnvironmentVariable(ApiConnection.KeyVariable),
            out connection,
            out problem,
            keyOptional: parse.GetValue(SignIn));

    /// <summary>How this command will prove who it is: a sign-in (and its scope) or the key.</summary>
    public CliCredential Choose(ParseResult parse) =>
        CliSignIn.Choose(parse.GetValue(SignIn), parse.GetValue(Key) ?? Environment.GetEnvironmentVariable(ApiConnection.KeyVariable),
            parse.GetValue(Scope) ?? Environment.GetEnvironmentVariable(CliSignIn.ScopeVariable), Environment.GetEnvironmentVariable(CliSignIn.ClientIdVariable));
}
