using System.Globalization;
using nietras.SeparatedValues;
using Tracker.Analysis;
using Tracker.Analysis.Data;

namespace Tracker.Cli.Analyze;

/// <summary>
/// Reads a long-format CSV (header row, one row per participant and wave) into a LongTable in one
/// streaming pass. The subject column is always text (ids like "007" must not become 7) and is read
/// straight into group codes, a string per participant rather than per row; every other column is
/// parsed from the buffer to doubles until a value does not read as a number, then it is kept as text
/// so the analysis can name the first offending value if the models need that column.
/// </summary>
/// <remarks>
/// Sep does the splitting (vectorised, no string per cell). Every column is read, not only the formula's:
/// the report describes every numeric column and groups items into constructs by their names.
/// </remarks>
public static class CsvTableLoader
{
    // Comma always (no guessing from the header), quotes removed, spaces around fields dropped as before,
    // and the field count checked here so the message names the row.
    private static readonly SepReaderOptions Options = new Sep(',').Reader(o => o with
    {
        HasHeader = false,
        Unescape = true,
        Trim = SepTrim.All,
        DisableColCountCheck = true,
        CultureInfo = CultureInfo.InvariantCulture,
    });

    public static LongTable Load(string path, string textColumn)
    {
        if (!File.Exists(path)) throw new AnalysisException($"input file '{path}' does not exist");
        using var reader = Options.FromFile(path);
        return Load(reader, textColumn, path);
    }

    public static LongTable Load(TextReader reader, string textColumn, string source = "input")
    {
        using var sep = Options.From(reader);
        return Load(sep, textColumn, source);
    }

    private static LongTable Load(SepReader reader, string textColumn, string source)
    {
        if (!reader.MoveNext()) throw new AnalysisException($"{source} is empty: expected a header row and data rows");
        var first = reader.Current;
        var header = new string[first.ColCount];
        for (var c = 0; c < header.Length; c++) header[c] = first[c].ToString();
        if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace)) throw new AnalysisException($"{source} has an empty header row");
        var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new AnalysisException($"{source} has the column '{duplicate.Key}' twice");

        var columns = header.Select(name => name == textColumn ? (ColumnBuilder)new CodedColumn(name) : new NumericColumn(name)).ToArray();
        var row = 0;
        while (reader.MoveNext())
        {
            var record = reader.Current;
            var count = record.ColCount;
            if (count == 1 && record[0].Span.IsWhiteSpace() && columns.Length > 1) continue;
            row++;
            if (count != columns.Length)
                throw new AnalysisException($"{source} row {row} has {count} fields but the header has {columns.Length}");
            for (var c = 0; c < columns.Length; c++) columns[c].Add(record[c].Span);
        }
        return new LongTable(columns.Select(c => c.Build()));
    }

    private abstract class ColumnBuilder(string name)
    {
        protected string Name { get; } = name;

        public abstract void Add(ReadOnlySpan<char> field);

        public abstract TableColumn Build();
    }

    /// <summary>Doubles while every value parses; text (through <see cref="CodedColumn"/>) from the first that does not.</summary>
    private sealed class NumericColumn(string name) : ColumnBuilder(name)
    {
        private List<double>? _numbers = [];
        private CodedColumn? _texts;

        public override void Add(ReadOnlySpan<char> field)
        {
            if (_numbers is not null)
            {
                if (TableColumn.TryParseNumber(field, out var value)) { _numbers.Add(value); return; }
                _texts = new CodedColumn(Name);
                foreach (var earlier in _numbers) _texts.Add(double.IsNaN(earlier) ? [] : earlier.ToString("R", CultureInfo.InvariantCulture));
                _numbers = null;
            }
            _texts!.Add(field);
        }

        public override TableColumn Build() => _numbers is not null
            ? TableColumn.FromNumbers(Name, _numbers.ToArray())
            : _texts!.Build();
    }

    /// <summary>Text as codes in order of first appearance: one string per distinct value, looked up by span.</summary>
    private sealed class CodedColumn(string name) : ColumnBuilder(name)
    {
        private readonly List<int> _codes = [];
        private readonly List<string> _labels = [];
        private readonly Dictionary<string, int> _byLabel = new(StringComparer.Ordinal);

        public override void Add(ReadOnlySpan<char> field)
        {
            if (field.IsEmpty) { _codes.Add(-1); return; }
            var lookup = _byLabel.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(field, out var code))
            {
                code = _labels.Count;
                var label = field.ToString();
                _labels.Add(label);
                _byLabel.Add(label, code);
            }
            _codes.Add(code);
        }

        public override TableColumn Build() => TableColumn.FromCodes(Name, _codes.ToArray(), _labels);
    }
}
