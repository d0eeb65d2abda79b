namespace Tracker.Engine.Common;

/// <summary>"did you mean 'schedule'?" for a misspelt property: the closest known name within a couple of edits.</summary>
public static class NameSuggestion
{
    public static string? Closest(string name, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // A third of the name, at least one edit: "sceduel" → "schedule", but "colour" is not "kind".
        return best is not null && bestDistance <= Math.Max(1, name.Length / 3) ? best : null;
    }

    public static string Hint(string name, IEnumerable<string> known) =>
        Closest(name, known) is { } match ? $"; did you mean '{match}'?" : "";

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost one.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }
}
