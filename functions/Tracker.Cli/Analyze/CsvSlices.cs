namespace Tracker.Cli.Analyze;

/// <summary>
/// Where a CSV's bytes can be cut so that each slice holds whole rows and can be parsed on its own thread: after the
/// header line, and after the first line end past each equal share of the rest.
/// </summary>
/// <remarks>
/// Only a file without any quote is cut (a quoted field may hold a line end, and telling would need a pass from the
/// start), and only one that starts as UTF-8 would (a UTF-16 file's '\n' is two bytes, and its byte-order mark belongs
/// to the first slice alone). Anything else stays one slice, read as before.
/// </remarks>
public static class CsvSlices
{
    /// <summary>
    /// The end offset of the header line, then the end of each data slice (the last is the file's length); a single
    /// offset (the length) when the file is read in one pass.
    /// </summary>
    public static IReadOnlyList<int> Cut(ReadOnlySpan<byte> csv, int slices) =>
        csv.Contains((byte)'"') ? [csv.Length] : CutAtLineEnds(csv, slices);

    /// <summary>
    /// As <see cref="Cut"/> without looking for quotes: the caller must check every slice for one before trusting the
    /// cuts (the loader does that on each slice's own thread, so no thread scans the whole file first).
    /// </summary>
    public static IReadOnlyList<int> CutAtLineEnds(ReadOnlySpan<byte> csv, int slices)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slices, 1);
        var whole = new[] { csv.Length };
        if (slices == 1 || csv.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || csv.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return whole;
        var headerEnd = csv.IndexOf((byte)'\n') + 1;
        if (headerEnd <= 0 || headerEnd == csv.Length) return whole;

        var cuts = new List<int> { headerEnd };
        long rest = csv.Length - headerEnd;
        for (var s = 1; s < slices; s++)
        {
            var share = headerEnd + (int)(rest * s / slices);
            if (share <= cuts[^1]) continue;
            var lineEnd = csv[share..].IndexOf((byte)'\n');
            if (lineEnd < 0) break;
            var cut = share + lineEnd + 1;
            if (cut < csv.Length && cut > cuts[^1]) cuts.Add(cut);
        }
        cuts.Add(csv.Length);
        return cuts;
    }
}
