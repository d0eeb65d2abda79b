namespace Tracker.Model.Aggregation;

/// <summary>
/// One wave's responses while it streams past, as columns of numbers (construct scores first, then item answers in the
/// order they were first seen), plus each row's participant and days. Only one wave is held at a time, and the arrays
/// are kept for the next wave (<see cref="Reset"/>): at 100,000 responses a wave they are large-object-heap
/// allocations, and allocating them afresh every wave is what made the garbage collector a large part of the read.
/// </summary>
internal sealed class WaveBuffer
{
    private readonly List<double[]> columns = [];
    private readonly List<int> filled = [];
    private readonly Dictionary<string, int> itemIndex = new(StringComparer.Ordinal);
    private readonly List<string> itemNames = [];
    private int capacity = 1024;

    public WaveBuffer(int constructCount)
    {
        ConstructCount = constructCount;
        for (var c = 0; c < constructCount; c++) AddColumn();
    }

    public int Wave { get; private set; }

    public int ConstructCount { get; }

    public List<string> Participants { get; } = [];

    public List<double> Days { get; } = [];

    public int Count => Participants.Count;

    /// <summary>Item names (non-construct answer keys) in the order first seen; column <c>ConstructCount + i</c> holds item i.</summary>
    public IReadOnlyList<string> ItemNames => itemNames;

    /// <summary>Column <paramref name="index"/>'s values for rows 0..Count−1 (the array may be longer).</summary>
    public double[] Column(int index) => columns[index];

    /// <summary>Starts a new wave, keeping the arrays.</summary>
    public void Reset(int wave)
    {
        Wave = wave;
        Participants.Clear();
        Days.Clear();
        itemIndex.Clear();
        itemNames.Clear();
        for (var c = 0; c < filled.Count; c++) filled[c] = 0;
    }

    public void BeginRow(string participantId, double days)
    {
        if (Count == capacity)
        {
            capacity *= 2;
            for (var c = 0; c < columns.Count; c++)
            {
                var grown = columns[c];
                Array.Resize(ref grown, capacity);
                columns[c] = grown;
            }
        }

        Participants.Add(participantId);
        Days.Add(days);
    }

    public void SetScore(int construct, double value)
    {
        columns[construct][Count - 1] = value;
        filled[construct] = Count;
    }

    public void SetItem(string item, double value) => SetItemAt(ItemColumn(item), value);

    /// <summary>The column of <paramref name="item"/> in this wave, added (missing in the rows before this one) when it is new.</summary>
    public int ItemColumn(string item)
    {
        if (!itemIndex.TryGetValue(item, out var index))
        {
            index = ConstructCount + itemNames.Count;
            itemIndex.Add(item, index);
            itemNames.Add(item);
            if (index == columns.Count) AddColumn();
            // Rows before this item's first appearance did not answer it.
            Array.Fill(columns[index], double.NaN, 0, Count - 1);
        }

        return index;
    }

    /// <summary>The current row's answer in item column <paramref name="index"/> (from <see cref="ItemColumn"/>).</summary>
    public void SetItemAt(int index, double value)
    {
        if (filled[index] == Count) throw new InvalidOperationException($"item '{itemNames[index - ConstructCount]}' was given twice in one response");
        columns[index][Count - 1] = value;
        filled[index] = Count;
    }

    /// <summary>Closes the current row: items it did not answer are missing.</summary>
    public void EndRow()
    {
        for (var c = ConstructCount; c < ConstructCount + itemNames.Count; c++)
        {
            if (filled[c] < Count)
            {
                columns[c][Count - 1] = double.NaN;
                filled[c] = Count;
            }
        }
    }

    /// <summary>Row order by participant id (ordinal), ties in arrival order: the long table's order within a wave; null when the rows already are in it.</summary>
    public int[]? SortedOrder()
    {
        var sorted = true;
        for (var i = 1; i < Count && sorted; i++) sorted = string.CompareOrdinal(Participants[i - 1], Participants[i]) <= 0;
        if (sorted) return null;
        var order = new int[Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            var byId = string.CompareOrdinal(Participants[a], Participants[b]);
            return byId != 0 ? byId : a.CompareTo(b);
        });
        return order;
    }

    private void AddColumn()
    {
        columns.Add(new double[capacity]);
        filled.Add(0);
    }
}
