using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tracker.Infra.Tests.Infrastructure;

namespace Tracker.Infra.Tests;

/// <summary>
/// infra/hooks/app-registration.sh (and app-registration.ps1, its Windows twin, run with the pinned PowerShell) finds or
/// creates the Entra ID app registration people sign in with, and brings it up to date: app roles, identifier URI,
/// the delegated scope, version 2 access tokens, the Azure CLI pre-authorized, a service principal. Run against a
/// scripted `az` that answers as Azure would; the assertions read the az calls and the JSON files they were given.
/// </summary>
public sealed partial class AppRegistrationHookTests : IDisposable
{
    private const string AzureCli = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    private const string ExistingApp = "11111111-aaaa-4aaa-8aaa-000000000001";
    private const string ExistingObject = "22222222-bbbb-4bbb-8bbb-000000000001";
    private const string NewApp = "33333333-cccc-4ccc-8ccc-000000000002";
    private const string NewObject = "44444444-dddd-4ddd-8ddd-000000000002";
    private const string AppUrl = "https://func-tracker-abc.azurewebsites.net/";

    private readonly ScriptedHook hook = new();

    public void Dispose() => hook.Dispose();

    public static TheoryData<string> Shells => new() { "sh", "ps1" };

    public static TheoryData<string, bool, string?, string?, string> NothingToDo()
    {
        var data = new TheoryData<string, bool, string?, string?, string>();
        foreach (var shell in new[] { "sh", "ps1" })
        {
            data.Add(shell, true, null, null, "no app URL yet");
            data.Add(shell, false, AppUrl, "off", "TRACKER_AUTH=off");
            data.Add(shell, true, AppUrl, "off", "TRACKER_AUTH=off");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task Creates_a_registration_when_none_exists(string shell)
    {
        var run = await RunAsync(shell, "none");

        Assert.True(run.Result.ExitCode == 0, run.Result.Combined);
        Assert.Contains("ad app list --display-name tracker-prod ", Call(run, "ad app list"), StringComparison.Ordinal);
        var create = Index(run, "ad app create");
        Assert.Contains("--display-name tracker-prod --sign-in-audience AzureADMyOrg --enable-id-token-issuance true --app-roles @", run.AzCalls[create], StringComparison.Ordinal);
        Assert.Equal(RoleValues(HookFile("app-roles.json")), RoleValues(Json(run.AzBodies[create])));
        Assert.DoesNotContain(run.AzCalls, c => c.Contains("--app-roles", StringComparison.Ordinal) && c.StartsWith("ad app update", StringComparison.Ordinal));

        AssertBroughtUpToDate(run, NewApp, NewObject);
        Assert.Contains("ad sp create --id " + NewApp, Call(run, "ad sp create"), StringComparison.Ordinal);
        Assert.Equal([$"TRACKER_AUTH_CLIENT_ID={NewApp}"], run.EnvSet);
        Assert.Contains($"created ({NewApp})", run.Result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task Finds_an_existing_registration_and_only_brings_it_up_to_date(string shell)
    {
        var run = await RunAsync(shell, "existing");

        Assert.True(run.Result.ExitCode == 0, run.Result.Combined);
        Assert.DoesNotContain(run.AzCalls, c => c.StartsWith("ad app create", StringComparison.Ordinal));
        Assert.DoesNotContain(run.AzCalls, c => c.StartsWith("ad sp create", StringComparison.Ordinal));
        var roles = run.AzCalls.ToList().FindIndex(c => c.StartsWith($"ad app update --id {ExistingApp} --app-roles @", StringComparison.Ordinal));
        Assert.True(roles >= 0, string.Join(Environment.NewLine, run.AzCalls));
        Assert.Contains("--enable-id-token-issuance true", run.AzCalls[roles], StringComparison.Ordinal);
        Assert.Equal(RoleValues(HookFile("app-roles.json")), RoleValues(Json(run.AzBodies[roles])));

        AssertBroughtUpToDate(run, ExistingApp, ExistingObject);
        Assert.Equal([$"TRACKER_AUTH_CLIENT_ID={ExistingApp}"], run.EnvSet);
        Assert.Contains($"found ({ExistingApp})", run.Result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task A_client_id_already_in_the_environment_is_used_without_a_search(string shell)
    {
        var run = await RunAsync(shell, "existing", clientId: ExistingApp);

        Assert.True(run.Result.ExitCode == 0, run.Result.Combined);
        Assert.DoesNotContain(run.AzCalls, c => c.StartsWith("ad app list", StringComparison.Ordinal));
        AssertBroughtUpToDate(run, ExistingApp, ExistingObject);
    }

    /// <summary>Fixed ids in files and no generated values: a re-run asks Azure for exactly the same state.</summary>
    [Theory]
    [MemberData(nameof(Shells))]
    public async Task A_second_run_asks_for_exactly_the_same_state(string shell)
    {
        var first = await RunAsync(shell, "existing");
        var second = await RunAsync(shell, "existing");

        Assert.True(second.Result.ExitCode == 0, second.Result.Combined);
        Assert.Equal(Normalized(first), Normalized(second));
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task A_failed_graph_update_stops_the_hook_before_the_client_id_is_stored(string shell)
    {
        var run = await RunAsync(shell, "graph-forbidden");

        Assert.NotEqual(0, run.Result.ExitCode);
        Assert.Single(run.AzCalls, c => c.StartsWith("rest ", StringComparison.Ordinal));
        Assert.Empty(run.EnvSet);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task Redirect_adds_the_callback_of_the_apps_url(string shell)
    {
        var run = await RunAsync(shell, "existing", redirect: true, appUrl: AppUrl);

        Assert.True(run.Result.ExitCode == 0, run.Result.Combined);
        var update = Assert.Single(run.AzCalls, c => c.StartsWith("ad app update", StringComparison.Ordinal));
        Assert.Equal($"ad app update --id {ExistingApp} --web-redirect-uris https://func-tracker-abc.azurewebsites.net/.auth/login/aad/callback --only-show-errors", update);
        Assert.DoesNotContain(run.AzCalls, c => c.StartsWith("rest ", StringComparison.Ordinal) || c.StartsWith("ad app create", StringComparison.Ordinal));
        Assert.Empty(run.EnvSet);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task Redirect_does_nothing_without_a_registration(string shell)
    {
        var run = await RunAsync(shell, "none", redirect: true, appUrl: AppUrl);

        Assert.True(run.Result.ExitCode == 0, run.Result.Combined);
        Assert.Equal(["ad app list"], run.AzCalls.Select(Verb));
        Assert.Contains("no registration yet", run.Result.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>TRACKER_AUTH=off (either step), or the redirect step before the app has a URL: no az call, nothing stored.</summary>
    [Theory]
    [MemberData(nameof(NothingToDo))]
    public async Task Does_nothing_and_says_why(string shell, bool redirect, string? appUrl, string? auth, string why)
    {
        var run = await RunAsync(shell, "existing", redirect: redirect, appUrl: appUrl, auth: auth);

        Assert.True(run.Result.ExitCode == 0, run.Result.Combined);
        Assert.Empty(run.AzCalls);
        Assert.Empty(run.EnvSet);
        Assert.Contains(why, run.Result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task Without_the_azure_cli_the_hook_fails_and_says_so(string shell)
    {
        var run = await hook.RunAsync($"app-registration.{shell}", fakeAz: null, Variables("none", null, null, null));

        Assert.Equal(1, run.Result.ExitCode);
        Assert.Contains("the Azure CLI (az) is not installed", run.Result.StandardError, StringComparison.Ordinal);
        Assert.Empty(run.EnvSet);
    }

    [Theory]
    [InlineData("none", false)]
    [InlineData("existing", false)]
    [InlineData("existing", true)]
    public async Task The_windows_hook_asks_azure_exactly_what_the_shell_hook_asks(string scenario, bool redirect)
    {
        var shell = await RunAsync("sh", scenario, redirect: redirect, appUrl: AppUrl);
        var windows = await RunAsync("ps1", scenario, redirect: redirect, appUrl: AppUrl);

        Assert.Equal(shell.Result.ExitCode, windows.Result.ExitCode);
        Assert.Equal(Normalized(shell), Normalized(windows));
        Assert.Equal(shell.EnvSet, windows.EnvSet);
    }

    /// <summary>The pre-authorization names the scope's fixed id; no id is shared with an app role.</summary>
    [Fact]
    public void The_pre_authorized_azure_cli_names_the_exposed_scope()
    {
        var scopes = HookFile("api-scopes.json").AsArray();
        var scope = Assert.Single(scopes)!;
        Assert.Equal("user_impersonation", scope["value"]!.GetValue<string>());
        Assert.Equal("User", scope["type"]!.GetValue<string>());
        Assert.True(scope["isEnabled"]!.GetValue<bool>());
        Assert.Equal("Access Tracker as the signed-in user", scope["adminConsentDisplayName"]!.GetValue<string>());

        var preauthorized = Assert.Single(HookFile("api-preauthorized.json").AsArray())!;
        Assert.Equal(AzureCli, preauthorized["appId"]!.GetValue<string>());
        Assert.Equal([scope["id"]!.GetValue<string>()], preauthorized["delegatedPermissionIds"]!.AsArray().Select(i => i!.GetValue<string>()));

        var roleIds = HookFile("app-roles.json").AsArray().Select(r => r!["id"]!.GetValue<string>());
        Assert.DoesNotContain(scope["id"]!.GetValue<string>(), roleIds);
    }

    /// <summary>Identifier URI, then the scope with v2 tokens, then the pre-authorization that names it, on the app's object id.</summary>
    private static void AssertBroughtUpToDate(HookRun run, string appId, string objectId)
    {
        Assert.Contains($"ad app update --id {appId} --identifier-uris api://{appId} --only-show-errors", run.AzCalls);

        var patches = run.AzCalls.Select((call, index) => (call, index)).Where(c => c.call.StartsWith("rest ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, patches.Count);
        foreach (var (call, _) in patches)
        {
            Assert.Contains($"--method patch --url https://graph.microsoft.com/v1.0/applications/{objectId} ", call, StringComparison.Ordinal);
            Assert.Contains("--headers Content-Type=application/json --body @", call, StringComparison.Ordinal);
        }

        var scopeOnly = Json(run.AzBodies[patches[0].index])["api"]!;
        var withClients = Json(run.AzBodies[patches[1].index])["api"]!;
        var expectedScopes = HookFile("api-scopes.json");
        foreach (var api in new[] { scopeOnly, withClients })
        {
            Assert.Equal(2, api["requestedAccessTokenVersion"]!.GetValue<int>());
            Assert.True(JsonNode.DeepEquals(expectedScopes, api["oauth2PermissionScopes"]), api.ToJsonString());
        }

        // The first update may not name a client: Graph refuses a pre-authorization of a scope not yet there.
        Assert.Null(scopeOnly["preAuthorizedApplications"]);
        var client = Assert.Single(withClients["preAuthorizedApplications"]!.AsArray())!;
        Assert.Equal(AzureCli, client["appId"]!.GetValue<string>());
        Assert.Equal(["5b0f1d0e-7a43-4c55-9d0b-1f0d8e6a0b01"], client["delegatedPermissionIds"]!.AsArray().Select(i => i!.GetValue<string>()));

        // Nothing secret: the sign-in uses ID tokens.
        Assert.DoesNotContain(run.AzCalls, c => c.Contains("credential", StringComparison.Ordinal) || c.Contains("password", StringComparison.OrdinalIgnoreCase));
        Assert.Contains($"scope api://{appId}/user_impersonation", run.Result.StandardOutput, StringComparison.Ordinal);
    }

    private static string Call(HookRun run, string verb) => Assert.Single(run.AzCalls, c => c.StartsWith(verb, StringComparison.Ordinal));

    private static int Index(HookRun run, string verb)
    {
        var index = run.AzCalls.ToList().FindIndex(c => c.StartsWith(verb, StringComparison.Ordinal));
        Assert.True(index >= 0, $"no '{verb}' among:{Environment.NewLine}{string.Join(Environment.NewLine, run.AzCalls)}");
        return index;
    }

    private static string Verb(string call) => string.Join(' ', call.Split(' ').Take(3));

    /// <summary>The calls with each @file named by its file name (temporary files differ per run), and each body parsed.</summary>
    private static List<string> Normalized(HookRun run) =>
        [.. run.AzCalls.Select((call, i) => FileArgument().Replace(call, m => "@" + (m.Value.EndsWith(".json", StringComparison.Ordinal) ? Path.GetFileName(m.Value) : "(temporary file)"))
            + (run.AzBodies[i] is { } body ? " " + Json(body).ToJsonString() : ""))];

    private static JsonNode Json(string? text) => JsonNode.Parse(text ?? throw new InvalidOperationException("The call passed no @file."))!;

    private static JsonNode HookFile(string name) => Json(File.ReadAllText(Path.Combine(TestEnvironment.InfraDirectory, "hooks", name)));

    private static List<string> RoleValues(JsonNode roles) => [.. roles.AsArray().Select(r => $"{r!["id"]} {r["value"]}")];

    private Task<HookRun> RunAsync(string shell, string scenario, bool redirect = false, string? appUrl = null, string? clientId = null, string? auth = null) =>
        hook.RunAsync(
            $"app-registration.{shell}",
            FakeAz,
            Variables(scenario, appUrl, clientId, auth),
            redirect ? [shell == "sh" ? "--redirect" : "-Redirect"] : []);

    private static Dictionary<string, string?> Variables(string scenario, string? appUrl, string? clientId, string? auth) => new()
    {
        ["FAKE_APP"] = scenario,
        ["AZURE_ENV_NAME"] = "prod",
        ["AZURE_FUNCTION_APP_URL"] = appUrl,
        ["TRACKER_AUTH_CLIENT_ID"] = clientId,
        ["TRACKER_AUTH"] = auth,
    };

    /// <summary>
    /// Answers as the Azure CLI does: "existing" has a registration (and its service principal), "none" has neither until
    /// created, "graph-forbidden" is "none" with a Graph that refuses the update.
    /// </summary>
    private const string FakeAz = $$"""
        case "$1 $2 $3" in
          "ad app list")
            [ "$FAKE_APP" = existing ] && echo {{ExistingApp}}
            exit 0 ;;
          "ad app create") echo {{NewApp}} ;;
          "ad app update") ;;
          "ad app show")
            case "$*" in
              *"--id {{ExistingApp}} "*) echo {{ExistingObject}} ;;
              *"--id {{NewApp}} "*) echo {{NewObject}} ;;
              *) echo "ERROR: Resource '$4 $5' does not exist." >&2; exit 3 ;;
            esac ;;
          "cloud show --query") echo https://graph.microsoft.com/ ;;
          "ad sp show")
            if [ "$FAKE_APP" = existing ]; then echo 55555555-eeee-4eee-8eee-000000000001; else echo "ERROR: Service principal '$5' doesn't exist" >&2; exit 3; fi ;;
          "ad sp create") echo '{"id": "55555555-eeee-4eee-8eee-000000000002"}' ;;
          *)
            if [ "$1" = rest ]; then
              if [ "$FAKE_APP" = graph-forbidden ]; then echo "ERROR: Forbidden(Authorization_RequestDenied) Insufficient privileges to complete the operation." >&2; exit 1; fi
              exit 0
            fi
            echo "ERROR: the fake az does not know '$*'" >&2; exit 2 ;;
        esac
        """;

    [GeneratedRegex(@"@\S+")]
    private static partial Regex FileArgument();
}
