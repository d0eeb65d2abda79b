using System.Text.RegularExpressions;
using Tracker.Infra.Tests.Infrastructure;

namespace Tracker.Infra.Tests;

/// <summary>
/// The postprovision hooks (infra/hooks/postprovision.sh and .ps1) write local.settings.json for running on a laptop
/// against the deployed storage. They are shell scripts with the keys spelled out, so hold them to the app's keys too.
/// </summary>
public sealed partial class LocalSettingsHookTests
{
    /// <summary>Keys a laptop needs beyond the app's own: the worker runtime, the host's storage (Azurite) and the disabled timers.</summary>
    private static readonly Regex LocalOnly = new(@"^(FUNCTIONS_WORKER_RUNTIME|AzureWebJobsStorage|AzureWebJobs\.[A-Za-z0-9_]+\.Disabled)$");

    public static TheoryData<string> Hooks => new() { "postprovision.sh", "postprovision.ps1" };

    [Theory]
    [MemberData(nameof(Hooks))]
    public void The_hook_sets_every_key_the_app_binds_except_the_managed_identity(string hook)
    {
        var keys = HookKeys(hook);

        // Locally the SDK signs in as the developer (DefaultAzureCredential): no credential or clientId setting.
        // Sign-in settings belong to the deployed app: a laptop must not trust principal headers (no platform strips them there).
        var expected = AppConfiguration.Keys()
            .Where(k => !AppConfiguration.Connections().Any(c => k.Key == $"{c}__credential" || k.Key == $"{c}__clientId"))
            .Where(k => !k.Key.StartsWith("Tracker__Auth__", StringComparison.Ordinal));
        var missing = expected.Where(k => k.IsPrefix ? !keys.Any(s => s.StartsWith(k.Key, StringComparison.Ordinal)) : !keys.Contains(k.Key)).ToList();

        Assert.True(missing.Count == 0, $"infra/hooks/{hook} does not write:{Environment.NewLine}" + string.Join(Environment.NewLine, missing.Select(k => "  " + k)));
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void The_hook_writes_no_key_the_app_does_not_read(string hook)
    {
        var appKeys = AppConfiguration.Keys();

        var unknown = HookKeys(hook)
            .Where(key => !LocalOnly.IsMatch(key))
            .Where(key => !appKeys.Any(k => k.IsPrefix ? key.StartsWith(k.Key, StringComparison.Ordinal) : key == k.Key))
            .ToList();

        Assert.Empty(unknown);
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void The_hook_disables_every_timer_and_names_only_real_functions(string hook)
    {
        var disabled = HookKeys(hook)
            .Select(k => DisabledFunction().Match(k))
            .Where(m => m.Success)
            .Select(m => m.Groups["name"].Value)
            .ToHashSet(StringComparer.Ordinal);

        // A laptop pointed at production storage must not dispatch alongside the deployed app.
        Assert.Subset(disabled, AppConfiguration.TimerFunctionNames().ToHashSet(StringComparer.Ordinal));
        Assert.Subset(AppConfiguration.FunctionNames().ToHashSet(StringComparer.Ordinal), disabled);
    }

    private static HashSet<string> HookKeys(string hook)
    {
        var text = File.ReadAllText(Path.Combine(TestEnvironment.InfraDirectory, "hooks", hook));
        var pattern = hook.EndsWith(".sh", StringComparison.Ordinal) ? ShellJsonKey() : PowerShellKey();
        var keys = pattern.Matches(text).Select(m => m.Groups["key"].Value).Where(k => k is not ("IsEncrypted" or "Values")).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(keys);
        return keys;
    }

    [GeneratedRegex(@"^\s*""(?<key>[^""]+)""\s*:", RegexOptions.Multiline)]
    private static partial Regex ShellJsonKey();

    [GeneratedRegex(@"^\s*'(?<key>[^']+)'\s*=", RegexOptions.Multiline)]
    private static partial Regex PowerShellKey();

    [GeneratedRegex(@"^AzureWebJobs\.(?<name>[A-Za-z0-9_]+)\.Disabled$")]
    private static partial Regex DisabledFunction();
}
