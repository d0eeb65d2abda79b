using System.CommandLine;

namespace Tracker.Cli.Api;

/// <summary>The --panel and --wave options the wave, schedule, model and dashboard commands share, described once.</summary>
public static class PanelOptions
{
    public static Option<string> Panel() => new("--panel", "-p") { Description = "The panel's id (from `tracker panel create` or `tracker panel list`).", Required = true };

    public static Option<int> Wave() => new("--wave", "-w") { Description = "The wave's number, from 1.", Required = true };

    public static Option<bool> Json(string what) => new("--json") { Description = $"Print {what} as JSON (for scripts)." };
}
