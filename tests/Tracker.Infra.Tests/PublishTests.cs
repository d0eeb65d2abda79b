using System.Text.Json.Nodes;
using Tracker.Infra.Tests.Infrastructure;

namespace Tracker.Infra.Tests;

/// <summary>`dotnet publish` of the Function App gives the folder azd zips and deploys as it stands.</summary>
public sealed class PublishTests
{
    /// <summary>Shared libraries every glibc-based .NET image has (the runtime needs them itself).</summary>
    private static readonly HashSet<string> HostImageLibraries = new(StringComparer.Ordinal)
    {
        "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "ld-linux-x86-64.so.2", "libgcc_s.so.1", "libstdc++.so.6",
    };

    [Fact]
    public async Task Publish_produces_a_deployable_folder()
    {
        var work = Path.Combine(Path.GetTempPath(), $"tracker-publish-{Guid.NewGuid():N}");
        var output = Path.Combine(work, "publish");
        var project = Path.Combine(TestEnvironment.RepositoryRoot, "functions", "Tracker.Functions", "Tracker.Functions.csproj");
        try
        {
            // Release, as azd publishes it. When this test project was built in Release (as CI does), the Function App's
            // Release build is already there and publish only lays out the package. Otherwise build it in Release here, with
            // --artifacts-path keeping this build's bin/ and obj/ (restore included) out of the source tree so it never
            // collides with a build of the same projects running beside it; analyzers already ran in the ordinary build.
            string[] arguments = TestEnvironment.Configuration == "Release"
                ? ["publish", project, "--configuration", "Release", "--output", output, "--no-build", "-nologo", "-clp:ErrorsOnly"]
                : ["publish", project, "--configuration", "Release", "--output", output, "--artifacts-path", Path.Combine(work, "artifacts"),
                   "-nologo", "-clp:ErrorsOnly", "-p:RunAnalyzers=false"];
            var result = await ProcessRunner.RunAsync("dotnet", arguments, TestEnvironment.RepositoryRoot, TimeSpan.FromMinutes(5));
            Assert.True(result.ExitCode == 0, $"dotnet publish failed:{Environment.NewLine}{result.Combined}");

            // The three files the Functions host looks for at the root of the package.
            Assert.True(File.Exists(Path.Combine(output, "host.json")), "host.json is missing from the publish root.");
            Assert.True(File.Exists(Path.Combine(output, "worker.config.json")), "worker.config.json is missing from the publish root.");
            Assert.True(File.Exists(Path.Combine(output, "functions.metadata")), "functions.metadata is missing from the publish root.");
            Assert.True(File.Exists(Path.Combine(output, "Tracker.Functions.dll")), "Tracker.Functions.dll is missing from the publish root.");

            // host.json is the repository's own (linked by the csproj), not a stale or generated one.
            Assert.Equal(
                JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TestEnvironment.RepositoryRoot, "host.json")))!.ToJsonString(),
                JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "host.json")))!.ToJsonString());

            var worker = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "worker.config.json")))!;
            Assert.Equal("Tracker.Functions.dll", worker["description"]?["defaultWorkerPath"]?.GetValue<string>());

            // functions.metadata lists exactly the [Function]s of the assembly.
            var metadata = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "functions.metadata")))!.AsArray();
            var listed = metadata.Select(f => f?["name"]?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal);
            Assert.Equal(AppConfiguration.FunctionNames().Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
            Assert.All(metadata, f => Assert.Equal("Tracker.Functions.dll", f?["scriptFile"]?.GetValue<string>()));

            // The chart libraries load on the Functions host images, which carry only what .NET itself needs (no
            // fontconfig, no freetype): the native libraries may ask for nothing beyond the C and C++ runtimes.
            var native = Path.Combine(output, "runtimes", "linux-x64", "native");
            foreach (var library in new[] { "libSkiaSharp.so", "libHarfBuzzSharp.so" })
            {
                var path = Path.Combine(native, library);
                Assert.True(File.Exists(path), $"{library} is missing from runtimes/linux-x64/native in the publish folder.");
                var beyondTheImage = ElfFile.NeededLibraries(path).Where(needed => !HostImageLibraries.Contains(needed)).ToList();
                Assert.True(beyondTheImage.Count == 0, $"{library} needs {string.Join(", ", beyondTheImage)}, which the Functions host images do not have.");
            }

            // The charts' font is embedded in Tracker.Engine.dll; its licence travels with it.
            Assert.True(File.Exists(Path.Combine(output, "Fonts", "LICENSE.txt")), "Fonts/LICENSE.txt (the chart font's licence) is missing from the publish root.");

            // Never a local settings file in the package.
            Assert.False(File.Exists(Path.Combine(output, "local.settings.json")), "local.settings.json must not be published.");
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }
}
