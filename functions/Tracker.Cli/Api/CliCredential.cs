namespace Tracker.Cli.Api;

/// <summary>What a command sends to prove who it is: a sign-in token for <see cref="Scope"/> (and the key, if one is set too), or the key alone.</summary>
public sealed record CliCredential(string? Scope, bool WithKey, string? Problem = null)
{
    public bool SignIn => Scope is not null;

    /// <summary>The line printed to standard error, so it is always clear which was used.</summary>
    public string Describe() => SignIn
        ? $"auth: signed in with Entra ID (bearer token for {Scope}){(WithKey ? " plus the admin key" : "")}"
        : "auth: admin key (x-functions-key)";
}
