using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Tracker.Engine.Sealing;

/// <summary>
/// One row's values under keys shared by all rows of a sealed wave: an array per row instead of a dictionary per row.
/// The aggregation holds every row of a panel at once; at 100,000 participants × 8 waves this took its peak heap from
/// 1.37 GB to 0.78 GB (<c>tracker bench model</c>, docs/summaries.md). Read-only; a value marked absent is not a key
/// of the row, as a missing answer is not a key of a table row's dictionary.
/// </summary>
public sealed class SharedKeyDictionary<T> : IReadOnlyDictionary<string, T>
{
    private readonly ColumnKeys keys;
    private readonly T[] values;
    private readonly bool[]? present;

    /// <param name="present">Which values exist; null when all of them do.</param>
    public SharedKeyDictionary(ColumnKeys keys, T[] values, bool[]? present)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != keys.Count || (present is not null && present.Length != keys.Count)) throw new ArgumentException("One value (and presence flag) per key is needed.", nameof(values));
        this.keys = keys;
        this.values = values;
        this.present = present;
        Count = present is null ? keys.Count : present.Count(p => p);
    }

    public int Count { get; }

    /// <summary>The column names every row of the file shares (the same instance for all of them).</summary>
    public ColumnKeys Columns => keys;

    /// <summary>The value at column <paramref name="position"/> of <see cref="Columns"/>, when the row has it: no look-up by name.</summary>
    public bool TryGetAt(int position, [MaybeNullWhen(false)] out T value)
    {
        if ((uint)position < (uint)values.Length && (present is null || present[position]))
        {
            value = values[position];
            return true;
        }

        value = default;
        return false;
    }

    public IEnumerable<string> Keys => Positions().Select(i => keys.Names[i]);

    public IEnumerable<T> Values => Positions().Select(i => values[i]);

    public T this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"'{key}' is not in this row.");

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out T value)
    {
        if (keys.TryGetIndex(key, out var i) && (present is null || present[i]))
        {
            value = values[i];
            return true;
        }

        value = default;
        return false;
    }

    public IEnumerator<KeyValuePair<string, T>> GetEnumerator() =>
        Positions().Select(i => new KeyValuePair<string, T>(keys.Names[i], values[i])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerable<int> Positions() => Enumerable.Range(0, keys.Count).Where(i => present is null || present[i]);
}
