using Tracker.Cli.Api;

namespace Tracker.Cli.Tests;

/// <summary>Which credential a command sends: the choice alone, without Azure.</summary>
public sealed class CliSignInTests
{
    [Fact]
    public void Without_sign_in_the_key_is_used_and_needed()
    {
        Assert.Equal(new CliCredential(null, true), CliSignIn.Choose(false, "k", null, "client"));
        Assert.Contains("no admin key", CliSignIn.Choose(false, null, "api://x/.default", null).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_in_takes_the_scope_given_or_the_apps_client_id()
    {
        Assert.Equal("api://given/.default", CliSignIn.Choose(true, null, "api://given/.default", "client").Scope);
        Assert.Equal("api://1234/.default", CliSignIn.Choose(true, null, null, "1234").Scope);
        var withKey = CliSignIn.Choose(true, "k", null, "1234");
        Assert.True(withKey.WithKey);
        Assert.Equal("auth: signed in with Entra ID (bearer token for api://1234/.default) plus the admin key", withKey.Describe());
    }

    [Fact]
    public void Sign_in_without_a_scope_says_where_to_find_one()
    {
        var choice = CliSignIn.Choose(true, "k", null, null);

        Assert.False(choice.SignIn);
        Assert.Contains("TRACKER_AUTH_CLIENT_ID", choice.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bearer_token_and_a_key_both_go_in_headers_never_the_url()
    {
        var connection = new ApiConnection(new Uri("https://app.example/api/"), "k") { BearerToken = "t0ken" };

        using var http = AdminHttp.Create(connection);

        Assert.Equal("Bearer t0ken", http.DefaultRequestHeaders.Authorization?.ToString());
        Assert.Equal("k", Assert.Single(http.DefaultRequestHeaders.GetValues("x-functions-key")));
        using var keyless = AdminHttp.Create(new ApiConnection(new Uri("https://app.example/api/"), "") { BearerToken = "t" });
        Assert.False(keyless.DefaultRequestHeaders.Contains("x-functions-key"));
    }
}
