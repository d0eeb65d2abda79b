using Tracker.Infra.Tests.Infrastructure;

namespace Tracker.Infra.Tests;

/// <summary>
/// infra/hooks/postprovision.sh (and postprovision.ps1, run with the pinned PowerShell) asks App Service whether the app's Key Vault references resolved, refreshes them while
/// any has not (the identity's role can take minutes to reach Key Vault), and fails naming the ones that never do.
/// Run against a scripted `az rest`.
/// </summary>
public sealed class PostprovisionReferenceTests : IDisposable
{
    private const string Site = "/subscriptions/sub-1/resourceGroups/rg-tracker-test/providers/Microsoft.Web/sites/func-tracker-abc";

    private readonly ScriptedHook hook = new();

    public void Dispose() => hook.Dispose();

    [Theory]
    [InlineData("sh")]
    [InlineData("ps1")]
    public async Task Resolved_references_pass_without_a_refresh(string shell)
    {
        var run = await RunAsync(shell, unresolvedReads: 0);

        Assert.True(run.Result.ExitCode == 0, run.Result.Combined);
        Assert.Contains("all resolved", run.Result.StandardOutput, StringComparison.Ordinal);
        var read = Assert.Single(run.AzCalls);
        Assert.Contains($"--method get --url {Site}/config/configreferences/appsettings?api-version=", read, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sh")]
    [InlineData("ps1")]
    public async Task References_that_resolve_after_a_refresh_pass(string shell)
    {
        var run = await RunAsync(shell, unresolvedReads: 2);

        Assert.True(run.Result.ExitCode == 0, run.Result.Combined);
        Assert.Equal(2, run.AzCalls.Count(c => c.Contains($"--method post --url {Site}/config/configreferences/appsettings/refresh?api-version=", StringComparison.Ordinal)));
        Assert.Equal(3, run.AzCalls.Count(c => c.Contains("--method get", StringComparison.Ordinal)));
        Assert.Contains("Links__Keys__k1 not resolved yet (attempt 1 of 4)", run.Result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sh")]
    [InlineData("ps1")]
    public async Task References_that_never_resolve_fail_the_hook_with_their_names_and_status(string shell)
    {
        var run = await RunAsync(shell, unresolvedReads: 100);

        Assert.NotEqual(0, run.Result.ExitCode);
        Assert.Equal(4, run.AzCalls.Count(c => c.Contains("--method get", StringComparison.Ordinal)));
        Assert.Contains("Links__Keys__k1\tAccessToKeyVaultDenied", run.Result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Key Vault Secrets User", run.Result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sh")]
    [InlineData("ps1")]
    public async Task Without_the_azure_cli_the_hook_says_it_could_not_check(string shell)
    {
        var run = await hook.RunAsync($"postprovision.{shell}", fakeAz: null, Environment(0));

        Assert.True(run.Result.ExitCode == 0, run.Result.Combined);
        Assert.Contains("cannot check that the app's Key Vault references resolve", run.Result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Check them in the portal", run.Result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sh")]
    [InlineData("ps1")]
    public async Task A_status_the_hook_cannot_read_fails_it(string shell)
    {
        var run = await hook.RunAsync($"postprovision.{shell}", "echo \"ERROR: (AuthorizationFailed) no access\" >&2; exit 1", Environment(0));

        Assert.NotEqual(0, run.Result.ExitCode);
        Assert.Contains("could not read the Key Vault reference status of func-tracker-abc", run.Result.StandardError, StringComparison.Ordinal);
    }

    private Task<HookRun> RunAsync(string shell, int unresolvedReads) => hook.RunAsync($"postprovision.{shell}", FakeAz, Environment(unresolvedReads));

    private static Dictionary<string, string?> Environment(int unresolvedReads) => new()
    {
        ["FAKE_UNRESOLVED_READS"] = unresolvedReads.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AZURE_SUBSCRIPTION_ID"] = "sub-1",
        ["AZURE_RESOURCE_GROUP"] = "rg-tracker-test",
        ["AZURE_FUNCTION_APP_NAME"] = "func-tracker-abc",
        ["TRACKER_HOOK_REFERENCE_ATTEMPTS"] = "4",
        ["TRACKER_HOOK_REFERENCE_DELAY_SECONDS"] = "0",
        // No storage endpoints: the hook skips local.settings.json, so the test never writes into the repository.
        ["AZURE_STORAGE_TABLE_ENDPOINT"] = null,
        ["AZURE_STORAGE_BLOB_ENDPOINT"] = null,
        ["AZURE_STORAGE_QUEUE_ENDPOINT"] = null,
    };

    /// <summary>`az rest` answering with the unresolved references (as the hook's --query shapes them) for the first N reads.</summary>
    private const string FakeAz = """
        [ "$1" = rest ] || { echo "ERROR: the fake az does not know '$*'" >&2; exit 2; }
        case "$*" in
          *"--method post"*) exit 0 ;;
        esac
        reads=$(cat "$FAKE_AZ_STATE" 2>/dev/null || echo 0)
        echo $((reads + 1)) > "$FAKE_AZ_STATE"
        if [ "$reads" -lt "$FAKE_UNRESOLVED_READS" ]; then
          printf 'Links__Keys__k1\tAccessToKeyVaultDenied\tKey Vault reference was not able to be resolved because site was denied access to Key Vault reference'"'"'s vault.\n'
        fi
        """;
}
