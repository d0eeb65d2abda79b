namespace Tracker.LocalHost.Stack;

/// <summary>
/// Wraps a command in a small POSIX shell script that kills it (its whole process group) when this process dies,
/// even by SIGKILL, which no .NET exit handler sees: a crashed or killed test run must not leave Azurite or smtp4dev
/// holding ports. The script forwards SIGTERM to the group (graceful stop) and exits with the command's code.
/// </summary>
internal static class ParentWatchdog
{
    // Signals are numeric and "--" is avoided: dash's kill accepts neither names after -s nor "--".
    // The watcher compares the wrapper's parent pid (field 4 of /proc/self/stat) with ours: once we die it is re-parented.
    private const string Script = """
        parent=$1; shift
        setsid "$@" &
        child=$!
        ( while [ "$(cut -d' ' -f4 /proc/$$/stat)" = "$parent" ]; do sleep 1; done; kill -9 -"$child" 2>/dev/null ) &
        watcher=$!
        trap 'kill -15 -"$child" 2>/dev/null' TERM INT
        wait "$child"; code=$?
        while kill -0 "$child" 2>/dev/null; do wait "$child"; code=$?; done
        kill "$watcher" 2>/dev/null
        exit $code
        """;

    public static bool IsAvailable { get; } =
        OperatingSystem.IsLinux() && File.Exists("/bin/sh") && File.Exists("/proc/self/stat") && ExecutableLocator.Find("setsid") is not null;

    /// <summary>The program and arguments that run <paramref name="fileName"/> under the watchdog.</summary>
    public static (string FileName, IReadOnlyList<string> Arguments) Wrap(string fileName, IEnumerable<string> arguments) =>
        ("/bin/sh", ["-c", Script, "tracker-watchdog", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), fileName, .. arguments]);
}
