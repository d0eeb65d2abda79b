using Tracker.Analysis.Riclpm;

namespace Tracker.Model.Aggregation;

/// <summary>
/// The wave scores the cross-lagged paths need, collected from the same stream of responses as
/// <see cref="PanelAggregate"/> but kept apart from it: per participant one fixed-width row of
/// <c>waves × constructs</c> scores as <see cref="float"/> (NaN = not given). A construct mean on a 1–7 scale needs
/// no more than a float's seven digits, and half the memory of a double matters at 100,000 participants.
/// Only the waves named up front (the closed ones) are kept; responses of any other wave are ignored.
/// </summary>
public sealed class CrossLaggedScores
{
    private const int InitialParticipants = 256;

    private readonly string[] constructs;
    private readonly int[] waves;
    private readonly int width;
    private readonly Dictionary<string, int> rows = new(StringComparer.Ordinal);
    private float[] scores;
    private int[]? layout;

    public CrossLaggedScores(IReadOnlyList<string> constructs, IReadOnlyList<int> waves, int expectedParticipants = 0)
    {
        ArgumentNullException.ThrowIfNull(constructs);
        ArgumentNullException.ThrowIfNull(waves);
        this.constructs = [.. constructs.Distinct(StringComparer.Ordinal)];
        this.waves = [.. waves.Distinct().Order()];
        width = this.constructs.Length * this.waves.Length;
        scores = new float[Math.Max(width, 1) * Math.Max(expectedParticipants, InitialParticipants)];
        scores.AsSpan().Fill(float.NaN);
    }

    public IReadOnlyList<string> Constructs => constructs;

    public IReadOnlyList<int> Waves => waves;

    /// <summary>Participants with a response in one of the kept waves.</summary>
    public int Participants => rows.Count;

    /// <summary>Keeps the response's scores of the needed constructs when <paramref name="wave"/> is one of the kept waves.</summary>
    public void Add(int wave, string participantId, IReadOnlyDictionary<string, double?> responseScores)
    {
        ArgumentNullException.ThrowIfNull(participantId);
        ArgumentNullException.ThrowIfNull(responseScores);
        var offset = Offset(wave, participantId);
        if (offset < 0) return;
        for (var c = 0; c < constructs.Length; c++)
        {
            scores[offset + c] = responseScores.TryGetValue(constructs[c], out var s) && s is { } v ? (float)v : float.NaN;
        }
    }

    /// <summary>Names the score positions of <see cref="Add(int, string, ReadOnlySpan{double})"/> (a reader's construct order), once.</summary>
    public void UseScoreLayout(IReadOnlyList<string> order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var names = order.ToArray();
        layout = [.. constructs.Select(c => Array.IndexOf(names, c))];
    }

    /// <summary>
    /// The same as <see cref="Add(int, string, IReadOnlyDictionary{string, double?})"/> with the scores laid out in the
    /// order <see cref="UseScoreLayout"/> named (NaN: not given): nothing is looked up by construct name.
    /// </summary>
    public void Add(int wave, string participantId, ReadOnlySpan<double> responseScores)
    {
        ArgumentNullException.ThrowIfNull(participantId);
        var positions = layout ?? throw new InvalidOperationException("UseScoreLayout names the scores' positions first");
        var offset = Offset(wave, participantId);
        if (offset < 0) return;
        for (var c = 0; c < positions.Length; c++)
        {
            scores[offset + c] = positions[c] >= 0 ? (float)responseScores[positions[c]] : float.NaN;
        }
    }

    /// <summary>Where the participant's scores of <paramref name="wave"/> go (the participant's row added when new), or −1 when the wave is not kept.</summary>
    private int Offset(int wave, string participantId)
    {
        var k = Array.BinarySearch(waves, wave);
        if (k < 0 || width == 0) return -1;
        if (!rows.TryGetValue(participantId, out var row))
        {
            row = rows.Count;
            rows.Add(participantId, row);
            if ((long)(row + 1) * width > scores.Length) Grow();
        }

        return row * width + k * constructs.Length;
    }

    /// <summary>
    /// The wide panel of <paramref name="x"/> and <paramref name="y"/> over every kept wave, participants by id (so the
    /// fit, to the last bit, does not depend on the order the responses streamed in); those who gave neither construct
    /// in any kept wave are left out (they carry no information).
    /// </summary>
    public WidePanel Panel(string x, string y)
    {
        var columns = new[] { Index(x), Index(y) };
        var p = columns.Length * waves.Length;
        var values = new double[(long)rows.Count * p];
        var used = 0;
        foreach (var row in ByParticipantId())
        {
            var target = (long)used * p;
            var any = false;
            for (var k = 0; k < waves.Length; k++)
            {
                for (var j = 0; j < columns.Length; j++)
                {
                    var value = scores[row * width + k * constructs.Length + columns[j]];
                    values[target + k * columns.Length + j] = value;
                    any |= !float.IsNaN(value);
                }
            }

            if (any) used++;
        }

        return WidePanel.FromWide([x, y], waves, used == rows.Count ? values : values[..(int)((long)used * p)]);
    }

    private int[] ByParticipantId()
    {
        var ids = rows.Keys.ToArray();
        var order = rows.Values.ToArray();
        Array.Sort(ids, order, StringComparer.Ordinal);
        return order;
    }

    private int Index(string construct)
    {
        var index = Array.IndexOf(constructs, construct);
        return index >= 0 ? index : throw new ArgumentException($"construct '{construct}' is not collected for the cross-lagged paths", nameof(construct));
    }

    private void Grow()
    {
        var larger = new float[scores.Length * 2];
        Array.Copy(scores, larger, scores.Length);
        larger.AsSpan(scores.Length).Fill(float.NaN);
        scores = larger;
    }
}
