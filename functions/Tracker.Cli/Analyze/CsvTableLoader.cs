using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Tracker.Analysis;
using Tracker.Analysis.Data;

namespace Tracker.Cli.Analyze;

/// <summary>
/// Reads a long-format CSV (header row, one row per participant and wave) into a LongTable in one
/// streaming pass. The subject column is always text (ids like "007" must not become 7); every other
/// column is numeric until a value does not read as a number, then it is kept as text so the analysis
/// can name the first offending value if the models need that column.
/// </summary>
public static class CsvTableLoader
{
    public static LongTable Load(string path, string textColumn)
    {
        if (!File.Exists(path)) throw new AnalysisException($"input file '{path}' does not exist");
        using var reader = new StreamReader(path);
        return Load(reader, textColumn, path);
    }

    public static LongTable Load(TextReader reader, string textColumn, string source = "input")
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
        };
        using var parser = new CsvParser(reader, configuration);
        if (!parser.Read()) throw new AnalysisException($"{source} is empty: expected a header row and data rows");
        var header = parser.Record ?? [];
        if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace)) throw new AnalysisException($"{source} has an empty header row");
        var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new AnalysisException($"{source} has the column '{duplicate.Key}' twice");

        var columns = header.Select(name => new ColumnBuilder(name, forceText: name == textColumn)).ToArray();
        var row = 0;
        while (parser.Read())
        {
            row++;
            var count = parser.Count;
            if (count == 1 && string.IsNullOrWhiteSpace(parser[0]) && columns.Length > 1) { row--; continue; }
            if (count != columns.Length)
                throw new AnalysisException($"{source} row {row} has {count} fields but the header has {columns.Length}");
            for (var c = 0; c < columns.Length; c++) columns[c].Add(parser[c]);
        }
        return new LongTable(columns.Select(c => c.Build()));
    }

    /// <summary>Accumulates one column: doubles while every value parses, interned strings after the first that does not.</summary>
    private sealed class ColumnBuilder(string name, bool forceText)
    {
        private List<double>? _numbers = forceText ? null : [];
        private List<string?>? _texts = forceText ? [] : null;
        private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);

        public void Add(string? field)
        {
            if (_numbers is not null)
            {
                if (TableColumn.TryParseNumber(field, out var value)) { _numbers.Add(value); return; }
                _texts = new List<string?>(Math.Max(_numbers.Capacity, 16));
                foreach (var earlier in _numbers) _texts.Add(double.IsNaN(earlier) ? null : earlier.ToString("R", CultureInfo.InvariantCulture));
                _numbers = null;
            }
            _texts!.Add(Intern(field));
        }

        private string? Intern(string? field)
        {
            if (string.IsNullOrEmpty(field)) return null;
            if (_interned.TryGetValue(field, out var existing)) return existing;
            _interned.Add(field, field);
            return field;
        }

        public TableColumn Build() => _numbers is not null
            ? TableColumn.FromNumbers(name, _numbers.ToArray())
            : TableColumn.FromTexts(name, _texts!.ToArray());
    }
}
