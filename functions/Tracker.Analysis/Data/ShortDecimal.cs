namespace Tracker.Analysis.Data;

/// <summary>
/// The common shape of a score in a CSV — an optional sign, at most 15 digits, at most one decimal point, no exponent
/// or spaces — read without the general parser: the digits as an integer m (exact, m &lt; 10^15 &lt; 2^53) divided by
/// 10^k (exact for k ≤ 22). Both operands are exact doubles, so IEEE division rounds m / 10^k correctly: the same
/// double as <c>double.TryParse</c> with the invariant culture, which is also correctly rounded (Clinger's fast path,
/// as fast_float and .NET's own parser take it). Anything else is left to the general parser.
/// </summary>
internal static class ShortDecimal
{
    private const int MaxDigits = 15;

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];

    /// <summary>True with the value when <paramref name="text"/> has the short shape; false means "ask the general parser", not "not a number".</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (text.Length > 0 && (text[0] == '-' || text[0] == '+'))
        {
            negative = text[0] == '-';
            i = 1;
        }
        long mantissa = 0;
        var digits = 0;
        var fraction = -1;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            var digit = (uint)(c - '0');
            if (digit <= 9)
            {
                if (++digits > MaxDigits) return false;
                mantissa = mantissa * 10 + digit;
                if (fraction >= 0) fraction++;
            }
            else if (c == '.' && fraction < 0) fraction = 0;
            else return false;
        }
        if (digits == 0) return false;
        var result = fraction > 0 ? mantissa / PowersOfTen[fraction] : mantissa;
        value = negative ? -result : result;
        return true;
    }
}
