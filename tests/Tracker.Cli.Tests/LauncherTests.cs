using System.Diagnostics;
using System.Reflection;

namespace Tracker.Cli.Tests;

/// <summary>
/// The repository's <c>./tracker</c> launcher: a call with nothing changed since its last build runs the built CLI
/// without MSBuild, and a changed source makes it build again, quietly. A <c>dotnet</c> earlier on PATH records every
/// call the launcher makes before handing it to the real one, so "no build" is seen, not inferred from timing.
/// </summary>
[Collection(BuildOutputCollection.Name)]
public sealed class LauncherTests : IDisposable
{
    private static readonly string Root = typeof(LauncherTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
    private static readonly string CliOutput = Path.Combine(Root, "functions", "Tracker.Cli", "bin", "Release", "net10.0");
    private static readonly string CliObj = Path.Combine(Root, "functions", "Tracker.Cli", "obj");
    private readonly string work = Directory.CreateTempSubdirectory("tracker-launcher-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Fact]
    public async Task A_second_call_with_no_source_changed_runs_the_built_cli_without_msbuild()
    {
        var first = await LaunchAsync("--help");
        Assert.True(first.ExitCode == 0, first.Error);
        var stamp = Path.Combine(CliOutput, ".launcher-build-stamp");
        var stampTime = File.GetLastWriteTimeUtc(stamp);
        var objTime = NewestWrite(CliObj);

        var second = await LaunchAsync("--help");

        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("analyze", second.Output, StringComparison.Ordinal);
        Assert.Equal("", second.Error);
        var call = Assert.Single(second.DotnetCalls);
        Assert.EndsWith("tracker.dll --help", call, StringComparison.Ordinal);
        Assert.Equal(stampTime, File.GetLastWriteTimeUtc(stamp));
        Assert.Equal(objTime, NewestWrite(CliObj));
    }

    [Fact]
    public async Task A_source_newer_than_the_last_build_is_built_first_without_msbuild_chatter()
    {
        var first = await LaunchAsync("--help");
        Assert.True(first.ExitCode == 0, first.Error);
        var source = Path.Combine(Root, "functions", "Tracker.Cli", "Program.cs");
        var original = File.GetLastWriteTimeUtc(source);
        try
        {
            File.SetLastWriteTimeUtc(source, TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(1));
            var after = await LaunchAsync("--help");

            Assert.True(after.ExitCode == 0, after.Error);
            Assert.Contains(after.DotnetCalls, c => c.StartsWith("build ", StringComparison.Ordinal));
            Assert.EndsWith("tracker.dll --help", after.DotnetCalls[^1], StringComparison.Ordinal);
            Assert.DoesNotContain("Build succeeded", after.Error + after.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Warning(s)", after.Error + after.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.SetLastWriteTimeUtc(source, original);
        }
    }

    /// <summary>The dotnet the tests run under (the shim must not find itself).</summary>
    private static string RealDotnet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "dotnet")).First(File.Exists);

    private static DateTime NewestWrite(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Max(File.GetLastWriteTimeUtc);

    private async Task<(int ExitCode, string Output, string Error, IReadOnlyList<string> DotnetCalls)> LaunchAsync(params string[] arguments)
    {
        var shims = Path.Combine(work, "bin");
        var log = Path.Combine(work, "dotnet-calls.log");
        Directory.CreateDirectory(shims);
        File.Delete(log);
        var realDotnet = RealDotnet();
        var shim = Path.Combine(shims, "dotnet");
        await File.WriteAllTextAsync(shim, $"#!/usr/bin/env bash\necho \"$*\" >> '{log}'\nexec {realDotnet} \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        start.ArgumentList.Add(Path.Combine(Root, "tracker"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PATH"] = shims + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        var calls = File.Exists(log) ? await File.ReadAllLinesAsync(log) : [];
        return (process.ExitCode, await output, await error, calls.Where(c => !c.StartsWith("tool restore", StringComparison.Ordinal)).ToList());
    }
}
