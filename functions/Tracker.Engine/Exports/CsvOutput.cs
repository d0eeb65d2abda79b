using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Tracker.Engine.Exports;

/// <summary>The one CSV dialect of every export: comma, CRLF, header row, quoting only where needed, no BOM (R's read.csv would otherwise misname the first column).</summary>
internal static class CsvOutput
{
    public static CsvWriter Open(TextWriter writer) => new(writer, new CsvConfiguration(CultureInfo.InvariantCulture)
    {
        // Injection is neutralised by CsvCells, which knows a negative number from a formula; CsvHelper's own escaping does not.
        InjectionOptions = InjectionOptions.None,
    }, leaveOpen: true);

    public static async Task WriteHeaderAsync(CsvWriter csv, IEnumerable<ExportColumn> columns)
    {
        foreach (var column in columns)
        {
            csv.WriteField(CsvCells.Text(column.Name));
        }

        await csv.NextRecordAsync().ConfigureAwait(false);
    }
}
