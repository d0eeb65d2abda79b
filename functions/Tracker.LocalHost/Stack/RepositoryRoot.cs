namespace Tracker.LocalHost.Stack;

/// <summary>Finds the repository root (the folder holding Tracker.sln), where package.json and the tool manifest live.</summary>
public static class RepositoryRoot
{
    public const string MarkerFile = "Tracker.sln";

    /// <summary>Walks up from the current directory, then from the application's base directory.</summary>
    public static string Find()
    {
        return TryFind(out var root)
            ? root
            : throw new DirectoryNotFoundException(
                $"Could not find the repository root ({MarkerFile}) above '{Environment.CurrentDirectory}' or '{AppContext.BaseDirectory}'. Run from inside the Tracker repository.");
    }

    public static bool TryFind(out string root)
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, MarkerFile)))
                {
                    root = directory.FullName;
                    return true;
                }
            }
        }

        root = string.Empty;
        return false;
    }
}
