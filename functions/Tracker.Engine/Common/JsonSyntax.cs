using System.Text.Json;

namespace Tracker.Engine.Common;

/// <summary>
/// Says where and why a JSON text is malformed in words a researcher editing a file understands: System.Text.Json's own
/// messages advise changing "the reader options" or name .NET types.
/// </summary>
public static class JsonSyntax
{
    /// <summary>"line 4, column 3: …" with one-based positions, as editors show them.</summary>
    public static string Describe(JsonException exception)
    {
        var where = exception.LineNumber is { } line
            ? $"line {line + 1}, column {(exception.BytePositionInLine ?? 0) + 1}: "
            : "";
        return where + Reason(exception.Message);
    }

    private static string Reason(string message)
    {
        if (Has(message, "trailing comma")) return "a comma after the last entry of an object or list; remove it";
        if (Has(message, "Expected either ','")) return "a comma is missing between two entries, or a bracket is not closed";
        if (Has(message, "end of data") || Has(message, "Expected depth to be zero")) return "the text ends before every { and [ is closed";
        if (Has(message, "comments")) return "comments are not allowed in JSON";
        if (Has(message, "invalid start of a property name")) return "a property name must be in double quotes";
        if (message.StartsWith("'''", StringComparison.Ordinal)) return "text must be in double quotes, not single quotes";
        if (Has(message, "is an invalid start of a value") || Has(message, "invalid JSON literal")) return "a value is malformed (text needs double quotes; true, false and null are lower case)";
        if (Has(message, "invalid end of a number") || Has(message, "within a number")) return "a number is malformed";
        if (Has(message, "is invalid after a value")) return "something follows a value where a comma or a closing bracket belongs";
        if (Has(message, "additional text")) return "there is more text after the JSON object ends";
        if (Has(message, "control character") || Has(message, "escape")) return "a string holds a raw line break or an invalid \\ escape";
        return "this is not valid JSON";
    }

    private static bool Has(string message, string fragment) => message.Contains(fragment, StringComparison.OrdinalIgnoreCase);
}
