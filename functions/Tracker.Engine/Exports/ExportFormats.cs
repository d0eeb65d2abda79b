namespace Tracker.Engine.Exports;

/// <summary>Route names, file names and media types of the export formats, in one place so the API, the CLI and the docs agree.</summary>
public static class ExportFormats
{
    /// <summary>The names accepted in <c>/api/panels/{id}/export/{format}</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["long", "wide", "items", "codebook", "codebook.md", "bundle", "consent", "linking"];

    public static bool TryParse(string? name, out ExportFormat format)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "long": format = ExportFormat.LongCsv; return true;
            case "wide": format = ExportFormat.WideCsv; return true;
            case "items": format = ExportFormat.ItemsCsv; return true;
            case "codebook" or "codebook.json": format = ExportFormat.Codebook; return true;
            case "codebook.md" or "codebook-md" or "markdown": format = ExportFormat.CodebookMarkdown; return true;
            case "bundle" or "zip": format = ExportFormat.Bundle; return true;
            case "consent" or "consent.csv": format = ExportFormat.ConsentCsv; return true;
            case "linking" or "participants-link": format = ExportFormat.LinkingCsv; return true;
            default: format = default; return false;
        }
    }

    public static string FileName(ExportFormat format) => format switch
    {
        ExportFormat.LongCsv => "long.csv",
        ExportFormat.WideCsv => "wide.csv",
        ExportFormat.ItemsCsv => "items.csv",
        ExportFormat.Codebook => "codebook.json",
        ExportFormat.CodebookMarkdown => "codebook.md",
        ExportFormat.Bundle => "bundle.zip",
        ExportFormat.ConsentCsv => Consent.ConsentCsv.FileName,
        ExportFormat.LinkingCsv => "linking.csv",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.LongCsv or ExportFormat.WideCsv or ExportFormat.ItemsCsv or ExportFormat.ConsentCsv or ExportFormat.LinkingCsv => "text/csv; charset=utf-8",
        ExportFormat.Codebook => "application/json; charset=utf-8",
        ExportFormat.CodebookMarkdown => "text/markdown; charset=utf-8",
        ExportFormat.Bundle => "application/zip",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
