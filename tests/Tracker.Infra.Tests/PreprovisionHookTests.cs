using System.Text.RegularExpressions;
using Tracker.Infra.Tests.Infrastructure;

namespace Tracker.Infra.Tests;

/// <summary>
/// infra/hooks/preprovision.sh (and preprovision.ps1, its Windows twin, run with the pinned PowerShell) decides whether
/// this environment may get a new link-signing key, which Bicep then writes over the active Key Vault secret. Run against
/// a scripted `az` (and `azd`) on PATH: a new key only when Azure answers "not found", the vault's key when it has one,
/// and a stop with a reason for every other answer.
/// </summary>
public sealed partial class PreprovisionHookTests : IDisposable
{
    private const string VaultKey = "c2VjcmV0LWtleS1mcm9tLXRoZS12YXVsdC0zMmJ5dGVzIQ==";
    private const string Subscription = "00000000-1111-2222-3333-444444444444";

    private readonly ScriptedHook hook = new();

    public void Dispose() => hook.Dispose();

    [Theory]
    [InlineData("sh", "new-group", "resource group 'rg-tracker-test' does not exist yet")]
    [InlineData("sh", "no-vault", "has no Tracker Key Vault yet")]
    [InlineData("sh", "no-secret", "has no secret 'link-key-k1' yet")]
    [InlineData("ps1", "new-group", "resource group 'rg-tracker-test' does not exist yet")]
    [InlineData("ps1", "no-vault", "has no Tracker Key Vault yet")]
    [InlineData("ps1", "no-secret", "has no secret 'link-key-k1' yet")]
    public async Task A_not_found_answer_generates_a_new_key(string shell, string scenario, string because)
    {
        var run = await RunAsync(shell, scenario);

        Assert.True(run.Result.ExitCode == 0, run.Result.Combined);
        var key = Assert.Single(run.KeysSet);
        Assert.Equal(32, Convert.FromBase64String(key).Length);
        Assert.NotEqual(VaultKey, key);
        Assert.Contains(because, run.Result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("stored in .azure/tracker-test/.env", run.Result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(key, run.Result.Combined, StringComparison.Ordinal);
        Assert.All(run.AzCalls, call => Assert.Contains($"--subscription {Subscription}", call, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sh")]
    [InlineData("ps1")]
    public async Task The_key_in_the_vault_is_kept(string shell)
    {
        var run = await RunAsync(shell, "secret");

        Assert.True(run.Result.ExitCode == 0, run.Result.Combined);
        Assert.Equal([VaultKey], run.KeysSet);
        Assert.Contains("taken from Key Vault kv-tracker-abc123", run.Result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(VaultKey, run.Result.Combined, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoppingAnswers))]
    public async Task Any_other_answer_stops_without_a_key(string shell, string scenario, string reason)
    {
        var run = await RunAsync(shell, scenario);

        Assert.NotEqual(0, run.Result.ExitCode);
        Assert.Empty(run.KeysSet);
        Assert.Contains(reason, run.Result.StandardError, StringComparison.Ordinal);
        Assert.Contains("azd env set LINK_SIGNING_KEY", run.Result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sh")]
    [InlineData("ps1")]
    public async Task A_key_already_in_the_environment_is_used_without_asking_azure(string shell)
    {
        var run = await RunAsync(shell, "network", linkSigningKey: VaultKey);

        Assert.True(run.Result.ExitCode == 0, run.Result.Combined);
        Assert.Empty(run.KeysSet);
        Assert.Empty(run.AzCalls);
    }

    [Theory]
    [InlineData("secret")]
    [InlineData("no-secret")]
    [InlineData("forbidden")]
    public async Task The_windows_hook_asks_azure_exactly_what_the_shell_hook_asks(string scenario)
    {
        var shell = await RunAsync("sh", scenario);
        var windows = await RunAsync("ps1", scenario);

        Assert.Equal(3, shell.AzCalls.Count);
        Assert.Equal(shell.AzCalls, windows.AzCalls);
        Assert.Equal(shell.Result.ExitCode, windows.Result.ExitCode);
    }

    /// <summary>The scenarios cover SecretNotFound only; the other not-found codes must be the same in both hooks too.</summary>
    [Fact]
    public void The_windows_hook_trusts_the_same_not_found_answers()
    {
        var shell = File.ReadAllText(Path.Combine(TestEnvironment.InfraDirectory, "hooks", "preprovision.sh"));
        var windows = File.ReadAllText(Path.Combine(TestEnvironment.InfraDirectory, "hooks", "preprovision.ps1"));

        Assert.Equal(NotFoundCodes(shell), NotFoundCodes(windows));
    }

    public static TheoryData<string, string, string> StoppingAnswers()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var shell in new[] { "sh", "ps1" })
        {
            data.Add(shell, "forbidden", "could not read secret 'link-key-k1'");
            data.Add(shell, "not-logged-in", "could not check whether resource group");
            data.Add(shell, "other-tenant", "could not check whether resource group");
            data.Add(shell, "network", "could not list the Key Vaults");
            data.Add(shell, "no-az", "the Azure CLI (az) is not installed");
        }

        return data;
    }

    private static string NotFoundCodes(string hook) => NotFoundPattern().Match(hook).Groups["codes"].Value;

    private Task<HookRun> RunAsync(string shell, string scenario, string? linkSigningKey = null) =>
        hook.RunAsync($"preprovision.{shell}", scenario == "no-az" ? null : FakeAz, new Dictionary<string, string?>
        {
            ["FAKE_AZ"] = scenario,
            ["FAKE_VAULT_KEY"] = VaultKey,
            ["AZURE_ENV_NAME"] = "tracker-test",
            ["AZURE_SUBSCRIPTION_ID"] = Subscription,
            ["AZURE_RESOURCE_GROUP"] = null,
            ["LINK_ACTIVE_KEY_ID"] = null,
            ["LINK_SIGNING_KEY"] = linkSigningKey,
        });

    /// <summary>Answers as the Azure CLI does (its messages and error codes) in each scenario.</summary>
    private const string FakeAz = """
        command="$1 $2"
        [ "$command" = "keyvault secret" ] && command="$1 $2 $3"
        case "$FAKE_AZ" in
          not-logged-in) echo "ERROR: Please run 'az login' to setup account." >&2; exit 1 ;;
          other-tenant) echo "ERROR: Subscription '$AZURE_SUBSCRIPTION_ID' not found. Check the spelling and casing and try again." >&2; exit 1 ;;
        esac
        case "$command" in
          "group exists")
            if [ "$FAKE_AZ" = new-group ]; then echo false; else echo true; fi ;;
          "keyvault list")
            case "$FAKE_AZ" in
              network) echo "ERROR: HTTPSConnectionPool(host='management.azure.com', port=443): Max retries exceeded (Failed to establish a new connection)" >&2; exit 1 ;;
              no-vault) ;;
              *) echo kv-tracker-abc123 ;;
            esac ;;
          "keyvault secret show")
            case "$FAKE_AZ" in
              secret) echo "$FAKE_VAULT_KEY" ;;
              no-secret) echo "ERROR: (SecretNotFound) A secret with (name/id) link-key-k1 was not found in this key vault." >&2; exit 3 ;;
              forbidden) echo "ERROR: (Forbidden) Caller is not authorized to perform action on resource. Code: Forbidden Inner error: ForbiddenByRbac" >&2; exit 1 ;;
              *) echo "ERROR: unexpected" >&2; exit 1 ;;
            esac ;;
          *) echo "ERROR: the fake az does not know '$*'" >&2; exit 2 ;;
        esac
        """;

    [GeneratedRegex(@"(?<codes>SecretNotFound\|[A-Za-z|]+)")]
    private static partial Regex NotFoundPattern();
}
