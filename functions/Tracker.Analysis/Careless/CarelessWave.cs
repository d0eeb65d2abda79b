using System.Globalization;

namespace Tracker.Analysis.Careless;

/// <summary>
/// One wave's answers for the careless-answer pass, held compactly: a byte an answer while every answer is a whole
/// number from 0 to 254 (any rating scale), eight bytes an answer from the first one that is not; and each response's
/// seconds to submit. Mahalanobis D² needs the whole wave's moments before any response is scored, so the wave is
/// held, but as one array rather than an object and a list per response: at a million participants and 27 items that
/// is 25 MB a wave instead of about 100 MB.
/// </summary>
public sealed class CarelessWave
{
    private const byte Missing = byte.MaxValue;
    private byte[] codes;
    private double[]? wide;
    private double[] seconds;

    /// <param name="items">The number of items every response has.</param>
    /// <param name="capacity">Responses to make room for at once (the previous wave's count is a good guess).</param>
    public CarelessWave(int items, int capacity = 0)
    {
        if (items <= 0) throw new AnalysisException("careless-answer indices need at least one item");
        Items = items;
        codes = new byte[Math.Max(capacity, 0) * items];
        seconds = new double[Math.Max(capacity, 0)];
    }

    public int Items { get; }

    public int Count { get; private set; }

    /// <summary>Adds a response: its answers in item order, NaN for an item not answered.</summary>
    public void Add(ReadOnlySpan<double> answers, double? secondsToSubmit)
    {
        if (answers.Length != Items)
            throw new AnalysisException(string.Create(CultureInfo.InvariantCulture, $"response {Count + 1} has {answers.Length} answers but the wave has {Items} items"));
        foreach (var answer in answers)
        {
            if (double.IsInfinity(answer))
                throw new AnalysisException(string.Create(CultureInfo.InvariantCulture, $"response {Count + 1} has an answer that is not a finite number"));
        }

        Grow();
        var start = Count * Items;
        if (wide is null && !FitsBytes(answers)) Widen();
        if (wide is not null)
        {
            answers.CopyTo(wide.AsSpan(start, Items));
        }
        else
        {
            for (var i = 0; i < answers.Length; i++) codes[start + i] = double.IsNaN(answers[i]) ? Missing : (byte)answers[i];
        }

        seconds[Count] = secondsToSubmit ?? double.NaN;
        Count++;
    }

    /// <summary>Response <paramref name="index"/>'s answers into <paramref name="row"/> (NaN = not answered).</summary>
    public void Row(int index, Span<double> row)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        var start = index * Items;
        if (wide is not null)
        {
            wide.AsSpan(start, Items).CopyTo(row);
            return;
        }

        Decode(codes.AsSpan(start, Items), row);
    }

    public double? SecondsToSubmit(int index) => double.IsNaN(seconds[index]) ? null : seconds[index];

    private static bool FitsBytes(ReadOnlySpan<double> answers)
    {
        foreach (var answer in answers)
        {
            if (!double.IsNaN(answer) && !(answer is >= 0 and < Missing && answer == Math.Floor(answer))) return false;
        }

        return true;
    }

    private void Grow()
    {
        if (Count < seconds.Length) return;
        var capacity = Math.Max(16, seconds.Length * 2);
        Array.Resize(ref seconds, capacity);
        if (wide is not null) Array.Resize(ref wide, capacity * Items);
        else Array.Resize(ref codes, capacity * Items);
    }

    private void Widen()
    {
        var widened = new double[seconds.Length * Items];
        for (var n = 0; n < Count; n++) Decode(codes.AsSpan(n * Items, Items), widened.AsSpan(n * Items, Items));
        wide = widened;
        codes = [];
    }

    private static void Decode(ReadOnlySpan<byte> source, Span<double> row)
    {
        for (var i = 0; i < source.Length; i++) row[i] = source[i] == Missing ? double.NaN : source[i];
    }
}
