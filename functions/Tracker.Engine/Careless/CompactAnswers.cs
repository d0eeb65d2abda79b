using System.Collections;

namespace Tracker.Engine.Careless;

/// <summary>
/// A response's answers in item order, one byte each (<see cref="Missing"/> for a skipped item). The careless-answer
/// pass holds a whole wave's answers at once (Mahalanobis D² needs the wave's moments first); as <c>double?[]</c> that
/// is about 16 bytes an item, which at a million participants is half a gigabyte per wave, and a byte is enough for
/// any answer on a rating scale.
/// </summary>
public sealed class CompactAnswers(byte[] codes) : IReadOnlyList<double?>
{
    public const byte Missing = byte.MaxValue;

    public double? this[int index] => codes[index] == Missing ? null : codes[index];

    public int Count => codes.Length;

    /// <summary>Whether every answer fits in a byte (0–254); otherwise the caller keeps the wide form.</summary>
    public static bool Fits(int answer) => answer is >= 0 and < Missing;

    public IEnumerator<double?> GetEnumerator()
    {
        for (var i = 0; i < codes.Length; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
