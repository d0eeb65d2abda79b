using System.Diagnostics;
using System.Reflection;

namespace Tracker.Cli.Tests;

/// <summary>
/// The README's install path, offline: `dotnet pack` the CLI, `dotnet tool install` it from that folder alone (a
/// nuget.config that clears every other source) into a temporary tool path, and run `tracker --help`.
/// </summary>
[Collection(BuildOutputCollection.Name)]
public sealed class DotnetToolTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("tracker-tool-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Fact]
    public async Task The_CLI_packs_as_a_dotnet_tool_that_installs_from_a_folder_and_runs_as_tracker()
    {
        var packages = Path.Combine(work, "packages");
        var project = Path.Combine(Metadata("RepositoryRoot"), "functions", "Tracker.Cli", "Tracker.Cli.csproj");

        // --no-build: the test project's build already built the CLI in this configuration.
        var pack = await RunAsync("dotnet", ["pack", project, "-c", Metadata("Configuration"), "--no-build", "-o", packages]);
        Assert.True(pack.ExitCode == 0, pack.Output);
        Assert.Single(Directory.GetFiles(packages, "Tracker.Cli.*.nupkg"));

        var config = Path.Combine(work, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        var tools = Path.Combine(work, "tools");
        var install = await RunAsync("dotnet", ["tool", "install", "--tool-path", tools, "--configfile", config, "Tracker.Cli"]);
        Assert.True(install.ExitCode == 0, install.Output);

        var help = await RunAsync(Path.Combine(tools, OperatingSystem.IsWindows() ? "tracker.exe" : "tracker"), ["--help"]);
        Assert.True(help.ExitCode == 0, help.Output);
        Assert.Contains("analyze", help.Output, StringComparison.Ordinal);
        Assert.Contains("status", help.Output, StringComparison.Ordinal);
    }

    private static string Metadata(string key) =>
        typeof(DotnetToolTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = work };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        // Its own package folder: installing must not leave Tracker.Cli in (or take a stale one from) the user's cache.
        start.Environment["NUGET_PACKAGES"] = Path.Combine(work, "nuget-cache");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
