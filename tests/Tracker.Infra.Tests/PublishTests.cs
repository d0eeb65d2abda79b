using System.Text.Json.Nodes;
using Tracker.Infra.Tests.Infrastructure;

namespace Tracker.Infra.Tests;

/// <summary>`dotnet publish` of the Function App gives the folder azd zips and deploys as it stands.</summary>
public sealed class PublishTests
{
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
