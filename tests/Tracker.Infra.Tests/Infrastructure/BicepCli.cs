using System.Text.Json.Nodes;

namespace Tracker.Infra.Tests.Infrastructure;

/// <summary>
/// The Bicep CLI restored by NuGet (PackageDownload of Azure.Bicep.CommandLine.linux-x64 in the csproj).
/// Builds infra/main.bicep once per test run; every test reads the same compiled ARM JSON.
/// </summary>
internal static class BicepCli
{
    private const string PackageId = "azure.bicep.commandline.linux-x64";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private static readonly Lazy<Task<BicepBuild>> MainBuild = new(() => BuildAsync(TestEnvironment.MainBicep));

    public static Task<BicepBuild> BuildMainAsync() => MainBuild.Value;

    public static string Executable
    {
        get
        {
            var packageDirectory = Path.Combine(TestEnvironment.NuGetPackageRoot, PackageId, TestEnvironment.BicepCliVersion);
            var expected = Path.Combine(packageDirectory, "tools", "bicep");
            var path = File.Exists(expected)
                ? expected
                : Directory.Exists(packageDirectory)
                    ? Directory.EnumerateFiles(packageDirectory, "bicep", SearchOption.AllDirectories).FirstOrDefault()
                    : null;
            if (path is null)
            {
                throw new FileNotFoundException(
                    $"The Bicep CLI {TestEnvironment.BicepCliVersion} is not in the NuGet packages folder ({packageDirectory}). " +
                    "Run `dotnet restore tests/Tracker.Infra.Tests`: the csproj downloads it as a package.");
            }

            // NuGet extracts package files without the execute bit.
            if (!OperatingSystem.IsWindows())
            {
                var mode = File.GetUnixFileMode(path);
                const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
                if ((mode & UnixFileMode.UserExecute) == 0)
                {
                    File.SetUnixFileMode(path, mode | execute);
                }
            }

            return path;
        }
    }

    public static Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(Executable, arguments, TestEnvironment.InfraDirectory, Timeout);

    private static async Task<BicepBuild> BuildAsync(string bicepFile)
    {
        var output = Path.Combine(Path.GetTempPath(), $"tracker-infra-{Guid.NewGuid():N}.json");
        try
        {
            var result = await RunAsync("build", bicepFile, "--outfile", output);
            var template = result.ExitCode == 0 && File.Exists(output)
                ? JsonNode.Parse(await File.ReadAllTextAsync(output))?.AsObject()
                : null;
            return new BicepBuild(result, template);
        }
        finally
        {
            File.Delete(output);
        }
    }
}

internal sealed record BicepBuild(ProcessResult Result, JsonObject? Template)
{
    public ArmTemplate Arm => Template is null
        ? throw new InvalidOperationException($"bicep build failed:{Environment.NewLine}{Result.Combined}")
        : new ArmTemplate(Template);
}
