using System.Globalization;

namespace Tracker.Analysis.Data;

/// <summary>
/// Maps a grouping column (participant ids, text or numbers) to dense codes 0..Count-1 in order of
/// first appearance, so every model can accumulate per-participant statistics in flat arrays.
/// Rows with a missing key get code -1.
/// </summary>
public sealed class GroupIndex
{
    private GroupIndex(int[] codes, List<string> labels)
    {
        Codes = codes;
        Labels = labels;
    }

    public int[] Codes { get; }

    public IReadOnlyList<string> Labels { get; }

    public int Count => Labels.Count;

    /// <summary>Codes already assigned in order of first appearance (e.g. while reading a CSV); checked, since every model indexes by them.</summary>
    internal static GroupIndex FromCodes(int[] codes, List<string> labels)
    {
        foreach (var code in codes)
        {
            if (code < -1 || code >= labels.Count) throw new ArgumentException($"Group code {code} has no label (there are {labels.Count}).", nameof(codes));
        }
        return new GroupIndex(codes, labels);
    }

    public static GroupIndex Build(TableColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Groups ??= Compute(column);
    }

    private static GroupIndex Compute(TableColumn column)
    {
        var codes = new int[column.Length];
        var labels = new List<string>();
        if (column.Numbers is { } numbers)
        {
            var seen = new Dictionary<double, int>();
            for (var i = 0; i < numbers.Length; i++)
            {
                if (double.IsNaN(numbers[i])) { codes[i] = -1; continue; }
                if (!seen.TryGetValue(numbers[i], out var code))
                {
                    code = labels.Count;
                    seen.Add(numbers[i], code);
                    labels.Add(numbers[i].ToString("R", CultureInfo.InvariantCulture));
                }
                codes[i] = code;
            }
        }
        else
        {
            var texts = column.Texts!;
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < texts.Length; i++)
            {
                var key = texts[i];
                if (string.IsNullOrEmpty(key)) { codes[i] = -1; continue; }
                if (!seen.TryGetValue(key, out var code))
                {
                    code = labels.Count;
                    seen.Add(key, code);
                    labels.Add(key);
                }
                codes[i] = code;
            }
        }
        return new GroupIndex(codes, labels);
    }
}
