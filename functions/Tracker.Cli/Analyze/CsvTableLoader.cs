using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using nietras.SeparatedValues;
using Tracker.Analysis;
using Tracker.Analysis.Data;

namespace Tracker.Cli.Analyze;

/// <summary>
/// Reads a long-format CSV (header row, one row per participant and wave) into a LongTable. The subject column is
/// always text (ids like "007" must not become 7) and is read straight into group codes, a string per participant
/// rather than per row; every other column is parsed from the buffer to doubles until a value does not read as a
/// number, then it is kept as text so the analysis can name the first offending value if the models need that column.
/// </summary>
/// <remarks>
/// Sep does the splitting (vectorised, no string per cell). Every column is read, not only the formula's: the report
/// describes every numeric column and groups items into constructs by their names. A file is cut at line ends into one
/// slice per core and the slices are parsed at the same time (<see cref="CsvSlices"/>); the result is the table a
/// single pass would read, cell for cell.
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

    /// <summary>Below this a file is read in one pass: starting a second thread costs more than it saves.</summary>
    private const int ParallelFromBytes = 1 << 20;

    public static LongTable Load(string path, string textColumn)
    {
        if (!File.Exists(path)) throw new AnalysisException($"input file '{path}' does not exist");
        var bytes = File.ReadAllBytes(path);
        return Load(bytes, textColumn, path, bytes.Length < ParallelFromBytes ? 1 : Environment.ProcessorCount);
    }

    /// <summary>The CSV's bytes read in up to <paramref name="slices"/> slices at once (1 = one pass).</summary>
    public static LongTable Load(byte[] csv, string textColumn, string source, int slices)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentOutOfRangeException.ThrowIfLessThan(slices, 1);
        var cuts = CsvSlices.Cut(csv, slices);
        if (cuts.Count == 1)
        {
            using var whole = Options.From(Slice(csv, 0, csv.Length));
            return Load(whole, textColumn, source, csv.AsSpan().Count((byte)'\n'));
        }

        using var headerReader = Options.From(Slice(csv, 0, cuts[0]));
        var header = ReadHeader(headerReader, source);
        var parts = new SliceRows[cuts.Count - 1];
        var failures = new ExceptionDispatchInfo?[parts.Length];
        void ReadSlice(int s)
        {
            try
            {
                var start = cuts[s];
                var end = cuts[s + 1];
                // Every line end is at most a row: the columns start at full size instead of growing (and copying) as they fill.
                var capacity = csv.AsSpan(start, end - start).Count((byte)'\n') + 1;
                using var reader = Options.From(Slice(csv, start, end));
                parts[s] = ReadRows(reader, NewColumns(header, textColumn, capacity));
            }
            catch (Exception e)
            {
                failures[s] = ExceptionDispatchInfo.Capture(e);
            }
        }
        // Plain threads rather than the thread pool: a one-shot command would only pay for the pool's start-up and spinning.
        var others = Enumerable.Range(1, parts.Length - 1).Select(s => new Thread(() => ReadSlice(s))).ToArray();
        foreach (var thread in others) thread.Start();
        ReadSlice(0);
        foreach (var thread in others) thread.Join();
        foreach (var failure in failures) failure?.Throw();

        var rowsBefore = 0;
        foreach (var part in parts)
        {
            if (part.BadRow is { } bad)
                throw FieldCountError(source, rowsBefore + bad.Row, bad.Fields, header.Length);
            rowsBefore += part.Rows;
        }
        // A column that is text in any slice would need the raw text of every slice to match one pass exactly: rare
        // (scores are numbers), so such a file is simply read again in one pass.
        if (parts.Any(p => p.Columns.Any(c => c is NumericColumn { IsText: true })))
        {
            using var again = Options.From(Slice(csv, 0, csv.Length));
            return Load(again, textColumn, source);
        }
        return new LongTable(Enumerable.Range(0, header.Length).Select(c => Merge(parts.Select(p => p.Columns[c]).ToArray())));
    }

    private static MemoryStream Slice(byte[] csv, int start, int end) => new(csv, start, end - start, writable: false);

    public static LongTable Load(TextReader reader, string textColumn, string source = "input")
    {
        using var sep = Options.From(reader);
        return Load(sep, textColumn, source);
    }

    private static LongTable Load(SepReader reader, string textColumn, string source, int capacity = 0)
    {
        var header = ReadHeader(reader, source);
        var rows = ReadRows(reader, NewColumns(header, textColumn, capacity));
        if (rows.BadRow is { } bad) throw FieldCountError(source, bad.Row, bad.Fields, header.Length);
        return new LongTable(rows.Columns.Select(c => c.Build()));
    }

    private static string[] ReadHeader(SepReader reader, string source)
    {
        if (!reader.MoveNext()) throw new AnalysisException($"{source} is empty: expected a header row and data rows");
        var first = reader.Current;
        var header = new string[first.ColCount];
        for (var c = 0; c < header.Length; c++) header[c] = first[c].ToString();
        if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace)) throw new AnalysisException($"{source} has an empty header row");
        var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new AnalysisException($"{source} has the column '{duplicate.Key}' twice");
        return header;
    }

    private static ColumnBuilder[] NewColumns(string[] header, string textColumn, int capacity = 0) =>
        header.Select(name => name == textColumn ? (ColumnBuilder)new CodedColumn(name, capacity) : new NumericColumn(name, capacity)).ToArray();

    /// <summary>Data rows until the end or the first row whose field count is wrong (reported by the caller, which knows the rows before).</summary>
    private static SliceRows ReadRows(SepReader reader, ColumnBuilder[] columns)
    {
        var row = 0;
        while (reader.MoveNext())
        {
            var record = reader.Current;
            var count = record.ColCount;
            if (count == 1 && record[0].Span.IsWhiteSpace() && columns.Length > 1) continue;
            row++;
            if (count != columns.Length) return new SliceRows(columns, row, (row, count));
            for (var c = 0; c < columns.Length; c++) columns[c].Add(record[c].Span);
        }
        return new SliceRows(columns, row, null);
    }

    private static AnalysisException FieldCountError(string source, int row, int fields, int expected) =>
        new($"{source} row {row} has {fields} fields but the header has {expected}");

    /// <summary>One column from its slices, in file order: numbers end to end, or codes renumbered by first appearance.</summary>
    private static TableColumn Merge(ColumnBuilder[] slices)
    {
        if (slices[0] is NumericColumn)
        {
            var numbers = new double[slices.Sum(s => ((NumericColumn)s).Numbers.Count)];
            var at = 0;
            foreach (NumericColumn slice in slices)
            {
                CollectionsMarshal.AsSpan(slice.Numbers).CopyTo(numbers.AsSpan(at));
                at += slice.Numbers.Count;
            }
            return TableColumn.FromNumbers(slices[0].Name, numbers);
        }
        var merged = (CodedColumn)slices[0];
        foreach (var slice in slices.Skip(1)) merged.Append((CodedColumn)slice);
        return merged.Build();
    }

    private sealed record SliceRows(ColumnBuilder[] Columns, int Rows, (int Row, int Fields)? BadRow);

    private abstract class ColumnBuilder(string name)
    {
        public string Name { get; } = name;

        public abstract void Add(ReadOnlySpan<char> field);

        public abstract TableColumn Build();
    }

    /// <summary>Doubles while every value parses; text (through <see cref="CodedColumn"/>) from the first that does not.</summary>
    private sealed class NumericColumn(string name, int capacity) : ColumnBuilder(name)
    {
        private List<double>? _numbers = new(capacity);
        private CodedColumn? _texts;

        public bool IsText => _numbers is null;

        public List<double> Numbers => _numbers ?? throw new InvalidOperationException($"column '{Name}' was read as text");

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
    private sealed class CodedColumn(string name, int capacity = 0) : ColumnBuilder(name)
    {
        private readonly List<int> _codes = new(capacity);
        private readonly List<string> _labels = [];
        private readonly Dictionary<string, int> _byLabel = new(StringComparer.Ordinal);

        public override void Add(ReadOnlySpan<char> field)
        {
            if (field.IsEmpty) { _codes.Add(-1); return; }
            var lookup = _byLabel.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(field, out var code)) code = NewLabel(field.ToString());
            _codes.Add(code);
        }

        /// <summary>A later slice's rows after this one's: its labels keep this column's codes and new ones follow in its order of appearance.</summary>
        public void Append(CodedColumn later)
        {
            var renumber = new int[later._labels.Count];
            for (var k = 0; k < renumber.Length; k++)
            {
                var label = later._labels[k];
                renumber[k] = _byLabel.TryGetValue(label, out var code) ? code : NewLabel(label);
            }
            foreach (var code in later._codes) _codes.Add(code < 0 ? -1 : renumber[code]);
        }

        private int NewLabel(string label)
        {
            var code = _labels.Count;
            _labels.Add(label);
            _byLabel.Add(label, code);
            return code;
        }

        public override TableColumn Build() => TableColumn.FromCodes(Name, _codes.ToArray(), _labels);
    }
}
