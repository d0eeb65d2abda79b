using System.Reflection;

namespace Tracker.Infra.Tests.Infrastructure;

/// <summary>Paths fixed at build time by the csproj (AssemblyMetadata), so nothing is guessed at run time.</summary>
internal static class TestEnvironment
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string InfraDirectory { get; } = Path.Combine(RepositoryRoot, "infra");

    public static string MainBicep { get; } = Path.Combine(InfraDirectory, "main.bicep");

    public static string BicepCliVersion { get; } = Metadata("BicepCliVersion");

    /// <summary>The configuration this test assembly, and so the Function App it references, was built in.</summary>
    public static string Configuration { get; } = Metadata("Configuration");

    /// <summary>The NuGet global packages folder restore used (NUGET_PACKAGES, or ~/.nuget/packages), as MSBuild saw it.</summary>
    public static string NuGetPackageRoot
    {
        get
        {
            var fromBuild = Metadata("NuGetPackageRoot");
            if (Directory.Exists(fromBuild))
            {
                return fromBuild;
            }

            var fromEnvironment = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
            return !string.IsNullOrEmpty(fromEnvironment)
                ? fromEnvironment
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }
    }

    private static string Metadata(string key) =>
        typeof(TestEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata; see Tracker.Infra.Tests.csproj.");
}
