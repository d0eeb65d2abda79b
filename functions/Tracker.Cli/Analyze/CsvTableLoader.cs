using System.Globalization;
using System.Runtime.ExceptionServices;
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
        var bytes = ReadAllBytes(path);
        return Load(bytes, textColumn, path, bytes.Length < ParallelFromBytes ? 1 : Environment.ProcessorCount);
    }

    /// <summary>
    /// File.ReadAllBytes, but a large file's second half is read on another thread while this one reads the first:
    /// the copy out of the page cache and the first touch of each page of the array are about a fifth of the read.
    /// </summary>
    private static byte[] ReadAllBytes(string path)
    {
        using var handle = File.OpenHandle(path);
        var length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength) throw new AnalysisException($"input file '{path}' is larger than 2 GB");
        var bytes = GC.AllocateUninitializedArray<byte>((int)length);
        void ReadRange(int start, int end)
        {
            while (start < end)
            {
                var read = RandomAccess.Read(handle, bytes.AsSpan(start, end - start), start);
                if (read <= 0) throw new IOException($"input file '{path}' became shorter while it was read");
                start += read;
            }
        }
        if (bytes.Length < ParallelFromBytes || Environment.ProcessorCount < 2)
        {
            ReadRange(0, bytes.Length);
            return bytes;
        }
        var middle = bytes.Length / 2;
        ExceptionDispatchInfo? failure = null;
        var other = new Thread(() =>
        {
            try
            {
                ReadRange(middle, bytes.Length);
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        });
        other.Start();
        ReadRange(0, middle);
        other.Join();
        failure?.Throw();
        return bytes;
    }

    /// <summary>The CSV's bytes read in up to <paramref name="slices"/> slices at once (1 = one pass).</summary>
    public static LongTable Load(byte[] csv, string textColumn, string source, int slices)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentOutOfRangeException.ThrowIfLessThan(slices, 1);
        var cuts = CsvSlices.CutAtLineEnds(csv, slices);
        if (cuts.Count == 1)
        {
            using var whole = Options.From(Slice(csv, 0, csv.Length));
            return Load(whole, textColumn, source, csv.AsSpan().Count((byte)'\n'));
        }

        using var headerReader = Options.From(Slice(csv, 0, cuts[0]));
        var header = ReadHeader(headerReader, source);
        var parts = new SliceRows[cuts.Count - 1];
        var failures = new ExceptionDispatchInfo?[parts.Length];
        // Each slice's thread first looks for a quote (a quoted field may hold a line end, so then the cuts cannot be
        // trusted and the file is read in one pass) and counts its line ends. Every line end is at most a row (and so is
        // a last line without one): once all have counted, each slice gets that many places in one array per column, so
        // the slices write the table's own arrays and joining them copies nothing unless a blank line left a gap.
        var quoted = new bool[parts.Length];
        var starts = new int[parts.Length + 1];
        Array[]? storage = null;
        using var counted = new Barrier(parts.Length, _ =>
        {
            if (quoted.Any(q => q)) return;
            for (var s = 0; s < parts.Length; s++) starts[s + 1] += starts[s];
            storage = header.Select(name => name == textColumn ? (Array)GC.AllocateUninitializedArray<int>(starts[^1]) : GC.AllocateUninitializedArray<double>(starts[^1])).ToArray();
        });
        void ReadSlice(int s)
        {
            try
            {
                var slice = csv.AsSpan(cuts[s], cuts[s + 1] - cuts[s]);
                quoted[s] = slice.Contains((byte)'"');
                starts[s + 1] = slice.Count((byte)'\n') + (slice.Length > 0 && slice[^1] != (byte)'\n' ? 1 : 0);
            }
            catch (Exception e)
            {
                failures[s] = ExceptionDispatchInfo.Capture(e);
            }
            // Every slice arrives, failed or not, so no thread waits for ever.
            counted.SignalAndWait();
            if (storage is null || failures[s] is not null) return;
            try
            {
                var columns = new ColumnBuilder[header.Length];
                for (var c = 0; c < columns.Length; c++)
                    columns[c] = storage[c] is int[] codes
                        ? new CodedColumn(header[c], codes, starts[s], starts[s + 1] - starts[s])
                        : new NumericColumn(header[c], (double[])storage[c], starts[s], starts[s + 1] - starts[s]);
                using var reader = Options.From(Slice(csv, cuts[s], cuts[s + 1]));
                parts[s] = ReadRows(reader, columns);
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
        if (storage is null)
        {
            using var whole = Options.From(Slice(csv, 0, csv.Length));
            return Load(whole, textColumn, source, csv.AsSpan().Count((byte)'\n'));
        }

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
        return new LongTable(Enumerable.Range(0, header.Length).Select(c => parts[0].Columns[c] switch
        {
            NumericColumn => NumericColumn.Join(parts.Select(p => (NumericColumn)p.Columns[c]).ToArray()),
            _ => CodedColumn.Join(parts.Select(p => (CodedColumn)p.Columns[c]).ToArray()),
        }));
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
        header.Select(name => name == textColumn ? (ColumnBuilder)new CodedColumn(name, new int[capacity], 0, capacity) : new NumericColumn(name, new double[capacity], 0, capacity)).ToArray();

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

    private sealed record SliceRows(ColumnBuilder[] Columns, int Rows, (int Row, int Fields)? BadRow);

    private abstract class ColumnBuilder(string name)
    {
        public string Name { get; } = name;

        public abstract void Add(ReadOnlySpan<char> field);

        public abstract TableColumn Build();
    }

    /// <summary>
    /// Doubles while every value parses; text (through <see cref="CodedColumn"/>) from the first that does not. The
    /// doubles go into a region of an array that other slices of the same column may share (places [start, start +
    /// capacity)); a column read in one pass owns its array and doubles it when full.
    /// </summary>
    private sealed class NumericColumn(string name, double[] values, int start, int capacity) : ColumnBuilder(name)
    {
        private readonly int _start = start;
        private double[]? _values = values;
        private int _capacity = capacity;
        private int _count;
        private CodedColumn? _texts;

        public bool IsText => _values is null;

        public override void Add(ReadOnlySpan<char> field)
        {
            if (_values is not null)
            {
                if (TableColumn.TryParseNumber(field, out var value))
                {
                    if (_count == _capacity) Grow();
                    _values[_start + _count++] = value;
                    return;
                }
                _texts = new CodedColumn(Name, [], 0, 0);
                foreach (var earlier in _values.AsSpan(_start, _count)) _texts.Add(double.IsNaN(earlier) ? [] : earlier.ToString("R", CultureInfo.InvariantCulture));
                _values = null;
            }
            _texts!.Add(field);
        }

        private void Grow()
        {
            // Only a column that owns its array grows: a slice's region is sized from its line ends and never fills up.
            if (_start != 0) throw new InvalidOperationException($"column '{Name}': a slice held more rows than it has lines");
            _capacity = Math.Max(16, 2 * _capacity);
            Array.Resize(ref _values, _capacity);
        }

        public override TableColumn Build() => _values is not null
            ? TableColumn.FromNumbers(Name, _values.Length == _count ? _values : _values[.._count])
            : _texts!.Build();

        /// <summary>The slices of one column, in file order, in their shared array: moved together over any gap, then trimmed.</summary>
        public static TableColumn Join(NumericColumn[] slices)
        {
            var values = slices[0]._values!;
            var at = 0;
            foreach (var slice in slices)
            {
                if (slice._start != at) Array.Copy(values, slice._start, values, at, slice._count);
                at += slice._count;
            }
            return TableColumn.FromNumbers(slices[0].Name, values.Length == at ? values : values[..at]);
        }
    }

    /// <summary>Text as codes in order of first appearance: one string per distinct value, looked up by span; the codes go into a region as the numbers do.</summary>
    private sealed class CodedColumn(string name, int[] codes, int start, int capacity) : ColumnBuilder(name)
    {
        private readonly int _start = start;
        private int[] _codes = codes;
        private int _capacity = capacity;
        private int _count;
        private readonly List<string> _labels = [];
        private int _last = -1;
        // Sized for a participant per four rows (a panel has several waves): growing from empty rehashed every label several times.
        private readonly Dictionary<string, int> _byLabel = new(capacity / 4, StringComparer.Ordinal);

        public override void Add(ReadOnlySpan<char> field)
        {
            var code = -1;
            if (!field.IsEmpty)
            {
                // A long-format file lists a participant's waves one after another: the previous row's id is the likely
                // one, and comparing a few characters is cheaper than hashing them.
                if (_last >= 0 && field.SequenceEqual(_labels[_last])) code = _last;
                else
                {
                    var lookup = _byLabel.GetAlternateLookup<ReadOnlySpan<char>>();
                    if (!lookup.TryGetValue(field, out code)) code = NewLabel(field.ToString());
                    _last = code;
                }
            }
            if (_count == _capacity) Grow();
            _codes[_start + _count++] = code;
        }

        private void Grow()
        {
            if (_start != 0) throw new InvalidOperationException($"column '{Name}': a slice held more rows than it has lines");
            _capacity = Math.Max(16, 2 * _capacity);
            Array.Resize(ref _codes, _capacity);
        }

        private int NewLabel(string label)
        {
            var code = _labels.Count;
            _labels.Add(label);
            _byLabel.Add(label, code);
            return code;
        }

        public override TableColumn Build() => TableColumn.FromCodes(Name, _codes.Length == _count ? _codes : _codes[.._count], _labels);

        /// <summary>
        /// The slices of one column, in file order: a later slice's labels keep the first slice's codes and new ones
        /// follow in its order of appearance (its codes are renumbered where they lie), then the regions are moved
        /// together over any gap and trimmed.
        /// </summary>
        public static TableColumn Join(CodedColumn[] slices)
        {
            var first = slices[0];
            var codes = first._codes;
            foreach (var later in slices.Skip(1))
            {
                var renumber = new int[later._labels.Count];
                for (var k = 0; k < renumber.Length; k++)
                {
                    var label = later._labels[k];
                    renumber[k] = first._byLabel.TryGetValue(label, out var code) ? code : first.NewLabel(label);
                }
                foreach (ref var code in codes.AsSpan(later._start, later._count))
                    if (code >= 0) code = renumber[code];
            }
            var at = 0;
            foreach (var slice in slices)
            {
                if (slice._start != at) Array.Copy(codes, slice._start, codes, at, slice._count);
                at += slice._count;
            }
            return TableColumn.FromCodes(first.Name, codes.Length == at ? codes : codes[..at], first._labels);
        }
    }
}
