namespace Tracker.Model.Aggregation;

/// <summary>
/// One wave's responses while it streams past, as columns of numbers (construct scores first, then item answers in the
/// order they were first seen), plus each row's participant and days. Only one wave is held at a time.
/// </summary>
internal sealed class WaveBuffer
{
    private readonly List<List<double>> columns = [];
    private readonly Dictionary<string, int> itemIndex = new(StringComparer.Ordinal);
    private readonly List<string> itemNames = [];

    public WaveBuffer(int wave, int constructCount)
    {
        Wave = wave;
        ConstructCount = constructCount;
        for (var c = 0; c < constructCount; c++) columns.Add([]);
    }

    public int Wave { get; }

    public int ConstructCount { get; }

    public List<string> Participants { get; } = [];

    public List<double> Days { get; } = [];

    public int Count => Participants.Count;

    /// <summary>Item names (non-construct answer keys) in the order first seen; column <c>ConstructCount + i</c> holds item i.</summary>
    public IReadOnlyList<string> ItemNames => itemNames;

    public List<double> Column(int index) => columns[index];

    public void BeginRow(string participantId, double days)
    {
        Participants.Add(participantId);
        Days.Add(days);
    }

    public void SetScore(int construct, double value) => columns[construct].Add(value);

    public void SetItem(string item, double value)
    {
        if (!itemIndex.TryGetValue(item, out var index))
        {
            index = columns.Count;
            itemIndex.Add(item, index);
            itemNames.Add(item);
            // Rows before this item's first appearance did not answer it.
            columns.Add(Enumerable.Repeat(double.NaN, Count - 1).ToList());
        }

        var column = columns[index];
        if (column.Count == Count) throw new InvalidOperationException($"item '{item}' was given twice in one response");
        column.Add(value);
    }

    /// <summary>Closes the current row: items it did not answer are missing.</summary>
    public void EndRow()
    {
        for (var c = ConstructCount; c < columns.Count; c++)
        {
            if (columns[c].Count < Count) columns[c].Add(double.NaN);
        }
    }

    /// <summary>Row order by participant id (ordinal), ties in arrival order: the long table's order within a wave.</summary>
    public int[] SortedOrder()
    {
        var order = new int[Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var sorted = true;
        for (var i = 1; i < order.Length && sorted; i++) sorted = string.CompareOrdinal(Participants[i - 1], Participants[i]) <= 0;
        if (sorted) return order;
        Array.Sort(order, (a, b) =>
        {
            var byId = string.CompareOrdinal(Participants[a], Participants[b]);
            return byId != 0 ? byId : a.CompareTo(b);
        });
        return order;
    }
}
