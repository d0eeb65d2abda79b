using System.Globalization;

namespace Tracker.Analysis.Data;

/// <summary>
/// One column of a long-format table: numbers (missing values are NaN) or text. Text columns serve as
/// grouping keys; asking a text column for numbers fails with the first offending value, so a typo in
/// a score column is reported where it is rather than silently dropped.
/// </summary>
public sealed class TableColumn
{
    private string?[]? _texts;

    private TableColumn(string name, double[]? numbers, string?[]? texts, GroupIndex? groups = null)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A column needs a name.", nameof(name));
        Name = name;
        Numbers = numbers;
        _texts = texts;
        Groups = groups;
    }

    public string Name { get; }

    /// <summary>The values when the column is numeric; NaN marks a missing value.</summary>
    public double[]? Numbers { get; }

    /// <summary>The values when the column is text; null or empty marks a missing value.</summary>
    /// <remarks>A column read as group codes spells its values out only when asked: the models need just the codes.</remarks>
    public string?[]? Texts => _texts ??= Groups is { } groups && Numbers is null ? Spell(groups) : null;

    public bool IsNumeric => Numbers is not null;

    /// <summary>The column's group codes, computed once: several models group by the same participant column. Columns are treated as immutable once built.</summary>
    internal GroupIndex? Groups { get; set; }

    public int Length => Numbers?.Length ?? _texts?.Length ?? Groups!.Codes.Length;

    public static TableColumn FromNumbers(string name, double[] values) => new(name, values ?? throw new ArgumentNullException(nameof(values)), null);

    public static TableColumn FromTexts(string name, string?[] values) => new(name, null, values ?? throw new ArgumentNullException(nameof(values)));

    /// <summary>
    /// A text column given as group codes (-1 = missing) and the label of each code, e.g. participant ids read
    /// straight from a CSV without a string per row; the codes serve as the column's <see cref="GroupIndex"/>.
    /// </summary>
    public static TableColumn FromCodes(string name, int[] codes, List<string> labels)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(labels);
        return new(name, null, null, GroupIndex.FromCodes(codes, labels));
    }

    /// <summary>Reads a value as a number the way R's read.csv does: invariant culture, empty or NA is missing.</summary>
    public static bool TryParseNumber(string? text, out double value) => TryParseNumber(text.AsSpan(), out value);

    /// <inheritdoc cref="TryParseNumber(string?, out double)"/>
    public static bool TryParseNumber(ReadOnlySpan<char> text, out double value)
    {
        // The number first: it is the common case by far, and this runs once per cell of a large CSV. Short decimals
        // take a shortcut that gives the same double (ShortDecimal), everything else the general parser.
        if (ShortDecimal.TryParse(text, out value)) return true;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return true;
        var trimmed = text.Trim();
        if (trimmed.IsEmpty || trimmed is "NA" or "NaN")
        {
            value = double.NaN;
            return true;
        }
        return false;
    }

    /// <summary>
    /// The numbers of this column; a text column is converted when every value reads as a number,
    /// otherwise the first value that does not is named (row numbers count data rows from 1).
    /// </summary>
    public double[] AsNumbers()
    {
        if (Numbers is not null) return Numbers;
        var values = new double[Texts!.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (!TryParseNumber(Texts[i], out values[i]))
                throw new AnalysisException($"column '{Name}' is not numeric: row {i + 1} has '{Texts[i]}'");
        }
        return values;
    }

    private static string?[] Spell(GroupIndex groups)
    {
        var texts = new string?[groups.Codes.Length];
        for (var i = 0; i < texts.Length; i++) texts[i] = groups.Codes[i] < 0 ? null : groups.Labels[groups.Codes[i]];
        return texts;
    }
}
