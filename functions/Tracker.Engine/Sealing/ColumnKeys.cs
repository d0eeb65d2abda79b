namespace Tracker.Engine.Sealing;

/// <summary>The column names of a sealed wave, looked up once per file and shared by every row read from it.</summary>
public sealed class ColumnKeys
{
    private readonly Dictionary<string, int> index;

    public ColumnKeys(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = names;
        index = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++) index[names[i]] = i;
    }

    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    public bool TryGetIndex(string name, out int position) => index.TryGetValue(name, out position);
}
