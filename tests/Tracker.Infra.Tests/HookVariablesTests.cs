using System.Text.RegularExpressions;
using Tracker.Infra.Tests.Infrastructure;

namespace Tracker.Infra.Tests;

/// <summary>
/// The hooks read azd environment values by name; a name the parameters file does not use (or a default that differs
/// from its default) makes the laptop's settings silently disagree with the deployed app's.
/// </summary>
public sealed partial class HookVariablesTests
{
    /// <summary>Set by azd itself rather than by infra/main.parameters.json or an output.</summary>
    private static readonly HashSet<string> SetByAzd = new(StringComparer.Ordinal) { "AZURE_ENV_NAME", "AZURE_SUBSCRIPTION_ID" };

    /// <summary>The hooks' own switches, read by nothing else: TRACKER_AUTH=off skips the app registration.</summary>
    private static readonly HashSet<string> HookSwitches = new(StringComparer.Ordinal) { "TRACKER_AUTH" };

    public static TheoryData<string> Hooks => new()
    {
        "preprovision.sh", "preprovision.ps1", "postprovision.sh", "postprovision.ps1", "app-registration.sh", "app-registration.ps1",
    };

    [Theory]
    [MemberData(nameof(Hooks))]
    public void The_hook_reads_only_values_azd_has(string hook)
    {
        var known = ParameterDefaults().Keys.Concat(Outputs()).Concat(SetByAzd).Concat(HookSwitches).ToHashSet(StringComparer.Ordinal);

        // TRACKER_HOOK_* are the hooks' own knobs (how long to wait for Key Vault references), read by nothing else.
        var unknown = HookVariables(hook).Keys.Where(name => !known.Contains(name) && !name.StartsWith("TRACKER_HOOK_", StringComparison.Ordinal)).ToList();

        Assert.True(unknown.Count == 0, $"infra/hooks/{hook} reads {string.Join(", ", unknown)}, which neither infra/main.parameters.json nor an output of infra/main.bicep provides");
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void The_hook_defaults_are_the_parameter_defaults(string hook)
    {
        var parameters = ParameterDefaults();
        var differing = HookVariables(hook)
            .Where(v => v.Value is not null && parameters.TryGetValue(v.Key, out var d) && d is not null && d != v.Value)
            .Select(v => $"{v.Key}: hook '{v.Value}', parameters '{parameters[v.Key]}'")
            .ToList();

        Assert.True(differing.Count == 0, $"infra/hooks/{hook}:{Environment.NewLine}" + string.Join(Environment.NewLine, differing));
    }

    /// <summary>Each variable the hook reads, with the default it falls back to (null if none is visible).</summary>
    private static Dictionary<string, string?> HookVariables(string hook)
    {
        var text = File.ReadAllText(Path.Combine(TestEnvironment.InfraDirectory, "hooks", hook));
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (hook.EndsWith(".sh", StringComparison.Ordinal))
        {
            foreach (Match m in ShellVariable().Matches(text))
            {
                var name = m.Groups["name"].Value;
                var fallback = m.Groups["default"].Success ? m.Groups["default"].Value : null;
                variables[name] = variables.GetValueOrDefault(name) ?? fallback;
            }

            // for name in A B C; do eval "value=\${$name:-}" — names read indirectly.
            foreach (Match m in ShellLoop().Matches(text))
            {
                foreach (var name in m.Groups["names"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    variables.TryAdd(name, null);
                }
            }
        }
        else
        {
            foreach (Match m in PowerShellVariable().Matches(text))
            {
                var name = m.Groups["name"].Value;
                var fallback = m.Groups["default"].Success ? m.Groups["default"].Value : null;
                variables[name] = variables.GetValueOrDefault(name) ?? fallback;
            }

            foreach (Match m in PowerShellLoop().Matches(text))
            {
                foreach (Match name in Regex.Matches(m.Groups["names"].Value, "'(?<n>[A-Z_]+)'"))
                {
                    variables.TryAdd(name.Groups["n"].Value, null);
                }
            }
        }

        // Locals and azd's own names that are not environment values.
        foreach (var local in new[] { "name", "value" })
        {
            variables.Remove(local);
        }

        Assert.NotEmpty(variables);
        return variables;
    }

    /// <summary>infra/main.parameters.json: ${NAME} or ${NAME=default} → NAME → default.</summary>
    private static Dictionary<string, string?> ParameterDefaults()
    {
        var text = File.ReadAllText(Path.Combine(TestEnvironment.InfraDirectory, "main.parameters.json"));
        return ParameterReference().Matches(text).ToDictionary(
            m => m.Groups["name"].Value,
            m => m.Groups["default"].Success ? m.Groups["default"].Value : null,
            StringComparer.Ordinal);
    }

    private static IEnumerable<string> Outputs() =>
        OutputDeclaration().Matches(File.ReadAllText(TestEnvironment.MainBicep)).Select(m => m.Groups["name"].Value);

    [GeneratedRegex(@"\$\{(?<name>[A-Z][A-Z0-9_]*)(?::-(?<default>[^}]*))?\}")]
    private static partial Regex ShellVariable();

    [GeneratedRegex(@"for name in (?<names>[A-Z0-9_ ]+); do")]
    private static partial Regex ShellLoop();

    // $env:NAME, or (Or $env:NAME 'default').
    [GeneratedRegex(@"(?:\(Or )?\$env:(?<name>[A-Z][A-Z0-9_]*)(?:\)?\s*'(?<default>[^']*)'\))?")]
    private static partial Regex PowerShellVariable();

    [GeneratedRegex(@"foreach \(\$name in (?<names>'[A-Z0-9_]+'(?:,\s*'[A-Z0-9_]+')*)\)")]
    private static partial Regex PowerShellLoop();

    [GeneratedRegex(@"\$\{(?<name>[A-Z][A-Z0-9_]*)(?:=(?<default>[^}]*))?\}")]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"^output\s+(?<name>[A-Z][A-Z0-9_]*)\s", RegexOptions.Multiline)]
    private static partial Regex OutputDeclaration();
}
