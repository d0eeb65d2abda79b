using System.Text.RegularExpressions;

namespace Tracker.Analysis.Reliability;

/// <summary>
/// The column-prefix convention for item-level data: a column named "&lt;construct&gt;_&lt;number&gt;"
/// (willingness_1, willingness_2, willingness_3) is an item of construct "&lt;construct&gt;". A construct
/// needs at least two items for Cronbach's α. Item columns are reliability input, not score columns.
/// </summary>
public static partial class ConstructItems
{
    [GeneratedRegex(@"^(?<construct>.+)_(?<item>[0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ItemName();

    /// <summary>The construct an item column belongs to, or null when the name does not follow the convention.</summary>
    public static string? ConstructOf(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var match = ItemName().Match(column);
        return match.Success ? match.Groups["construct"].Value : null;
    }

    /// <summary>Constructs with two or more item columns, each with its items in item-number order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> FromColumnNames(IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return columns
            .Select(c => (Column: c, Match: ItemName().Match(c)))
            .Where(x => x.Match.Success)
            .GroupBy(x => x.Match.Groups["construct"].Value, StringComparer.Ordinal)
            .Where(g => g.Count() >= 2)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<string>)g.OrderBy(x => int.Parse(x.Match.Groups["item"].Value, System.Globalization.CultureInfo.InvariantCulture)).Select(x => x.Column).ToList(),
                StringComparer.Ordinal);
    }
}
