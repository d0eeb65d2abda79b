using System.Diagnostics;

namespace Tracker.Cli.Dashboard;

/// <summary>Opens a URL with the platform's own opener (xdg-open, open, start) when there is one; reports false when there is none.</summary>
public static class BrowserLauncher
{
    public static bool TryOpen(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        ProcessStartInfo start;
        if (OperatingSystem.IsWindows())
        {
            start = new ProcessStartInfo("cmd", ["/c", "start", "", url.AbsoluteUri]) { CreateNoWindow = true };
        }
        else
        {
            var opener = FindOnPath(OperatingSystem.IsMacOS() ? "open" : "xdg-open");
            if (opener is null) return false;
            start = new ProcessStartInfo(opener, [url.AbsoluteUri]);
        }

        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        try
        {
            // The opener hands the URL to the browser and returns; its output is not ours to print.
            using var process = Process.Start(start);
            return process is not null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
