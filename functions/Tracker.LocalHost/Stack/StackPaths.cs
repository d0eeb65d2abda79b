namespace Tracker.LocalHost.Stack;

/// <summary>Where the local services keep logs and data: a fresh folder under the temp directory per start.</summary>
internal static class StackPaths
{
    public static string NewWorkFolder(string service)
    {
        var folder = Path.Combine(Path.GetTempPath(), "tracker-stack", $"{service}-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
