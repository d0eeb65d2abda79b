using System.Globalization;
using System.Runtime.CompilerServices;
using Tracker.Analysis.Data;

namespace Tracker.Analysis.Riclpm;

/// <summary>
/// The long table reshaped to one row per participant and one column per construct and wave
/// (<c>{construct}_t{wave}</c>, wave-major: every construct of wave 1, then wave 2, …); NaN marks a
/// score not given. Participants are in order of first appearance, waves ascending.
/// </summary>
public sealed class WidePanel
{
    private WidePanel(IReadOnlyList<string> constructs, IReadOnlyList<int> waves, int participants, double[] values)
    {
        Constructs = constructs;
        Waves = waves;
        Participants = participants;
        Values = values;
        VariableNames = waves.SelectMany(w => constructs.Select(c => VariableName(c, w))).ToArray();
    }

    public IReadOnlyList<string> Constructs { get; }

    public IReadOnlyList<int> Waves { get; }

    public int Participants { get; }

    /// <summary>Row-major participants × variables; NaN = missing.</summary>
    public double[] Values { get; }

    public IReadOnlyList<string> VariableNames { get; }

    public int Variables => VariableNames.Count;

    public static string VariableName(string construct, int wave) => string.Create(CultureInfo.InvariantCulture, $"{construct}_t{wave}");

    /// <summary>
    /// A panel already in wide form: <paramref name="values"/> is participants × (waves × constructs), row-major and
    /// wave-major within a row as <see cref="Values"/> describes; NaN = missing. The array is kept, not copied.
    /// </summary>
    public static WidePanel FromWide(IReadOnlyList<string> constructs, IReadOnlyList<int> waves, double[] values)
    {
        ArgumentNullException.ThrowIfNull(constructs);
        ArgumentNullException.ThrowIfNull(waves);
        ArgumentNullException.ThrowIfNull(values);
        var width = constructs.Count * waves.Count;
        if (width == 0 || values.LongLength % width != 0)
            throw new AnalysisException(string.Create(CultureInfo.InvariantCulture, $"a wide panel of {constructs.Count} constructs over {waves.Count} waves needs a multiple of {width} values; {values.LongLength} given"));
        for (var k = 1; k < waves.Count; k++)
            if (waves[k] <= waves[k - 1]) throw new AnalysisException("the waves of a wide panel must be distinct and ascending");
        return new WidePanel(constructs.ToArray(), waves.ToArray(), (int)(values.LongLength / width), values);
    }

    /// <summary>
    /// Reshapes a long table. Rows without a participant or wave are skipped; a wave number that is not a
    /// whole number, or two rows for the same participant and wave, is malformed input.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static WidePanel FromLong(LongTable table, string subject, string wave, IReadOnlyList<string> constructs)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(constructs);
        var groups = GroupIndex.Build(table.Column(subject));
        var waveValues = table.Numbers(wave);
        var scores = constructs.Select(table.Numbers).ToArray();

        var waveSet = new SortedSet<int>();
        for (var i = 0; i < waveValues.Length; i++)
        {
            var w = waveValues[i];
            if (double.IsNaN(w) || groups.Codes[i] < 0) continue;
            if (w != Math.Floor(w) || Math.Abs(w) > int.MaxValue)
                throw new AnalysisException(string.Create(CultureInfo.InvariantCulture, $"column '{wave}' must hold whole wave numbers: row {i + 1} has {w}"));
            waveSet.Add((int)w);
        }
        var waves = waveSet.ToArray();
        var waveIndex = new Dictionary<int, int>();
        for (var k = 0; k < waves.Length; k++) waveIndex[waves[k]] = k;

        var c = constructs.Count;
        var p = c * waves.Length;
        var n = groups.Count;
        var values = new double[(long)n * p];
        Array.Fill(values, double.NaN);
        var seen = new bool[(long)n * waves.Length];
        for (var i = 0; i < waveValues.Length; i++)
        {
            var person = groups.Codes[i];
            if (person < 0 || double.IsNaN(waveValues[i])) continue;
            var k = waveIndex[(int)waveValues[i]];
            var cell = (long)person * waves.Length + k;
            if (seen[cell])
                throw new AnalysisException(string.Create(CultureInfo.InvariantCulture, $"participant '{groups.Labels[person]}' has two rows for wave {waves[k]} (row {i + 1})"));
            seen[cell] = true;
            var offset = (long)person * p + k * c;
            for (var j = 0; j < c; j++) values[offset + j] = scores[j][i];
        }
        return new WidePanel(constructs.ToArray(), waves, n, values);
    }
}
