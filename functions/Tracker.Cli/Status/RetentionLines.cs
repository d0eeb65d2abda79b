using System.Text.Json;
using Spectre.Console;

namespace Tracker.Cli.Status;

/// <summary>The panel's data-retention date and, once it is near, the warning: printed alike by <c>tracker status</c> and <c>tracker panel show</c>.</summary>
public static class RetentionLines
{
    public static void Print(IAnsiConsole console, JsonElement answer, string indent = "")
    {
        ArgumentNullException.ThrowIfNull(console);
        // A server from before these fields existed leaves them out: print nothing rather than fail.
        if (!answer.TryGetProperty("dataRetentionUntil", out var until) || until.ValueKind != JsonValueKind.String) return;
        console.MarkupLineInterpolated($"{indent}data retention until {until.GetString()}");
        if (answer.TryGetProperty("retentionWarning", out var warning) && warning.ValueKind == JsonValueKind.String)
        {
            console.MarkupLineInterpolated($"{indent}[yellow]{warning.GetString()}[/]");
        }
    }
}
