using System.Runtime.CompilerServices;
namespace Tracker.Analysis.Riclpm;

/// <summary>
/// The participants grouped by which wave scores they gave. The full-information likelihood only
/// needs each pattern's count, mean and scatter, so every later computation costs per pattern, not
/// per participant. Participants who gave no score at all carry no information and are left out.
/// </summary>
internal sealed class MissingPatterns
{
    public const int MaximumVariables = 64;

    private MissingPatterns(int variables, IReadOnlyList<MissingPattern> patterns)
    {
        Variables = variables;
        Patterns = patterns;
        Participants = patterns.Sum(g => g.Count);
    }

    public int Variables { get; }

    public IReadOnlyList<MissingPattern> Patterns { get; }

    public int Participants { get; }

    /// <summary>How many participants observed each variable.</summary>
    public int[] ObservedCounts()
    {
        var counts = new int[Variables];
        foreach (var g in Patterns) foreach (var v in g.Observed) counts[v] += g.Count;
        return counts;
    }

    /// <summary>How many participants observed both variables of each pair (row-major p×p).</summary>
    public int[] PairCounts()
    {
        var counts = new int[Variables * Variables];
        foreach (var g in Patterns)
            foreach (var a in g.Observed)
                foreach (var b in g.Observed) counts[a * Variables + b] += g.Count;
        return counts;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static MissingPatterns Build(WidePanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var p = panel.Variables;
        if (p > MaximumVariables) throw new AnalysisException($"the RI-CLPM takes at most {MaximumVariables} wave scores (constructs × waves); these data have {p}");
        var values = panel.Values;
        var byKey = new Dictionary<ulong, List<int>>();
        for (var i = 0; i < panel.Participants; i++)
        {
            ulong key = 0;
            var offset = (long)i * p;
            for (var v = 0; v < p; v++) if (!double.IsNaN(values[offset + v])) key |= 1UL << v;
            if (key == 0) continue;
            if (!byKey.TryGetValue(key, out var rows)) byKey[key] = rows = [];
            rows.Add(i);
        }

        var patterns = new List<MissingPattern>(byKey.Count);
        foreach (var (key, rows) in byKey.OrderBy(e => e.Key))
        {
            var observed = Enumerable.Range(0, p).Where(v => (key & (1UL << v)) != 0).ToArray();
            var o = observed.Length;
            var mean = new double[o];
            foreach (var i in rows)
            {
                var offset = (long)i * p;
                for (var a = 0; a < o; a++) mean[a] += values[offset + observed[a]];
            }
            for (var a = 0; a < o; a++) mean[a] /= rows.Count;
            // Scatter about the pattern's own mean (two passes), divided by the count: exact for large panels.
            var scatter = new double[o * o];
            var centred = new double[o];
            foreach (var i in rows)
            {
                var offset = (long)i * p;
                for (var a = 0; a < o; a++) centred[a] = values[offset + observed[a]] - mean[a];
                for (var a = 0; a < o; a++)
                {
                    var ca = centred[a];
                    for (var b = 0; b <= a; b++) scatter[a * o + b] += ca * centred[b];
                }
            }
            for (var a = 0; a < o; a++)
                for (var b = 0; b <= a; b++)
                {
                    var s = scatter[a * o + b] / rows.Count;
                    scatter[a * o + b] = s;
                    scatter[b * o + a] = s;
                }
            patterns.Add(new MissingPattern(observed, rows.Count, mean, scatter));
        }
        return new MissingPatterns(p, patterns);
    }
}
