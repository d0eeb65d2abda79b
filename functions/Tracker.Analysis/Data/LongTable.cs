namespace Tracker.Analysis.Data;

/// <summary>
/// A long-format panel held in memory: one row per participant and wave, one column per variable.
/// This is the only input shape of the analyses, whether it came from a CSV file or from storage.
/// </summary>
public sealed class LongTable
{
    private readonly Dictionary<string, TableColumn> _byName;

    public LongTable(IEnumerable<TableColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = columns.ToList();
        _byName = new Dictionary<string, TableColumn>(StringComparer.Ordinal);
        foreach (var column in Columns)
        {
            if (!_byName.TryAdd(column.Name, column)) throw new AnalysisException($"column '{column.Name}' appears twice");
        }
        RowCount = Columns.Count == 0 ? 0 : Columns[0].Length;
        var ragged = Columns.FirstOrDefault(c => c.Length != RowCount);
        if (ragged is not null)
            throw new AnalysisException($"column '{ragged.Name}' has {ragged.Length} values but the table has {RowCount} rows");
    }

    public IReadOnlyList<TableColumn> Columns { get; }

    public IEnumerable<string> ColumnNames => Columns.Select(c => c.Name);

    public int RowCount { get; }

    public bool Contains(string name) => _byName.ContainsKey(name);

    public TableColumn Column(string name) =>
        _byName.TryGetValue(name, out var column)
            ? column
            : throw new AnalysisException($"no column '{name}' in the data (columns: {string.Join(", ", ColumnNames)})");

    /// <summary>The numeric values of a column (NaN = missing); fails naming the column when it is absent or not numeric.</summary>
    public double[] Numbers(string name) => Column(name).AsNumbers();
}
