using System.Text.RegularExpressions;
using Tracker.Infra.Tests.Infrastructure;

namespace Tracker.Infra.Tests;

/// <summary>infra/main.bicep builds and lints clean with the NuGet-restored Bicep CLI, offline.</summary>
public sealed partial class BicepTests
{
    [Fact]
    public async Task The_cli_is_the_restored_package_version()
    {
        var result = await BicepCli.RunAsync("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Bicep CLI version {TestEnvironment.BicepCliVersion} ", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_succeeds_with_no_errors_or_warnings()
    {
        var build = await BicepCli.BuildMainAsync();

        Assert.True(build.Result.ExitCode == 0, $"bicep build failed:{Environment.NewLine}{build.Result.Combined}");
        Assert.True(build.Result.Combined.Length == 0, $"bicep build reported:{Environment.NewLine}{build.Result.Combined}");
        Assert.NotNull(build.Template);
    }

    [Fact]
    public async Task Lint_reports_nothing()
    {
        var result = await BicepCli.RunAsync("lint", TestEnvironment.MainBicep);

        Assert.True(result.ExitCode == 0 && result.Combined.Length == 0, $"bicep lint reported (exit {result.ExitCode}):{Environment.NewLine}{result.Combined}");
    }

    [Fact]
    public void No_bicep_file_uses_registry_modules_or_template_specs()
    {
        var files = Directory.EnumerateFiles(TestEnvironment.InfraDirectory, "*.bicep", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);

        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            // Registry modules need the network to restore; CI has none. Modules are local files under infra/.
            Assert.False(RegistryReference().IsMatch(text), $"{Path.GetRelativePath(TestEnvironment.RepositoryRoot, file)} references a registry module or template spec.");
        }
    }

    [Fact]
    public void The_linter_configuration_turns_off_the_rules_that_need_the_network_or_the_date()
    {
        var config = File.ReadAllText(Path.Combine(TestEnvironment.InfraDirectory, "bicepconfig.json"));

        Assert.Matches(@"""use-recent-module-versions""\s*:\s*\{\s*""level""\s*:\s*""off""", config);
        Assert.Matches(@"""use-recent-api-versions""\s*:\s*\{\s*""level""\s*:\s*""off""", config);
    }

    [GeneratedRegex(@"^\s*(module|import)\b[^\r\n]*'(br|br/public|ts)[:/]", RegexOptions.Multiline)]
    private static partial Regex RegistryReference();
}
