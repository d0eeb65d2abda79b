using System.Runtime.InteropServices;

namespace Tracker.LocalHost.Stack;

/// <summary>
/// SIGTERM for a graceful stop: Azurite saves its persistent metadata only when it shuts down cleanly, and
/// <see cref="System.Diagnostics.Process.Kill()"/> sends SIGKILL.
/// </summary>
internal static class UnixSignals
{
    private const int SigTerm = 15;

    public static bool TryTerminate(int processId)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        return Kill(processId, SigTerm) == 0;
    }

    // DllImport rather than LibraryImport: the latter needs unsafe code enabled for the whole project.
    [DllImport("libc", EntryPoint = "kill")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
