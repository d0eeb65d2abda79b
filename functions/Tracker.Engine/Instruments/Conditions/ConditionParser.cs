using System.Globalization;

namespace Tracker.Engine.Instruments.Conditions;

/// <summary>
/// Parses a display condition by recursive descent. Grammar (precedence: <c>not</c> over <c>and</c> over <c>or</c>):
/// <code>
/// or         := and ("or" and)*
/// and        := not ("and" not)*
/// not        := "not" not | "(" or ")" | comparison
/// comparison := item op value | item "in" "[" value ("," value)* "]"
/// op         := = | ≠ | != | &lt; | ≤ | &lt;= | &gt; | ≥ | &gt;=
/// value      := number | 'code'
/// </code>
/// Errors carry the 1-based character position, so a researcher finds the mistake in a long condition.
/// </summary>
internal sealed class ConditionParser
{
    /// <summary>Conditions nest at most this deep (parentheses and <c>not</c>), so a hostile definition cannot exhaust the stack.</summary>
    public const int MaxDepth = 32;

    private readonly string source;
    private int position;
    private int depth;

    private ConditionParser(string source) => this.source = source;

    public static ConditionNode Parse(string source)
    {
        var parser = new ConditionParser(source);
        parser.SkipSpace();
        if (parser.AtEnd) throw parser.Error("is empty; write a condition such as age >= 18, or leave it out");
        var node = parser.ParseOr();
        parser.SkipSpace();
        if (!parser.AtEnd) throw parser.Error($"unexpected '{parser.Rest()}' at position {parser.position + 1}; combine comparisons with and / or");
        return node;
    }

    private bool AtEnd => position >= source.Length;

    private ConditionNode ParseOr()
    {
        var left = ParseAnd();
        while (TryKeyword("or"))
        {
            left = new OrCondition(left, ParseAnd());
        }

        return left;
    }

    private ConditionNode ParseAnd()
    {
        var left = ParseNot();
        while (TryKeyword("and"))
        {
            left = new AndCondition(left, ParseNot());
        }

        return left;
    }

    private ConditionNode ParseNot()
    {
        SkipSpace();
        var start = position;
        if (++depth > MaxDepth) throw Error($"nests deeper than {MaxDepth} levels");
        try
        {
            if (TryKeyword("not"))
            {
                return new NotCondition(ParseNot(), start);
            }

            if (TrySymbol("("))
            {
                var inner = ParseOr();
                if (!TrySymbol(")")) throw Error($"expected ')' at position {position + 1} to close the '(' at position {start + 1}");
                return inner;
            }

            return ParseComparison();
        }
        finally
        {
            depth--;
        }
    }

    private ConditionNode ParseComparison()
    {
        SkipSpace();
        var start = position;
        var item = ReadName();
        if (item is null)
        {
            throw Error(AtEnd
                ? $"ends too early at position {position + 1}; expected an item id"
                : $"expected an item id at position {position + 1}, found '{Rest()}'");
        }

        if (item is "and" or "or" or "not" or "in") throw ErrorAt(start, $"expected an item id at position {start + 1}, found the word '{item}'");
        if (TryKeyword("in"))
        {
            if (!TrySymbol("[")) throw Error($"expected '[' after 'in' at position {position + 1}");
            var values = new List<ConditionValue> { ReadValue() };
            while (TrySymbol(","))
            {
                values.Add(ReadValue());
            }

            if (!TrySymbol("]")) throw Error($"expected ',' or ']' at position {position + 1}");
            return new InList(item, values, start);
        }

        var op = ReadOperator() ?? throw Error(AtEnd
            ? $"ends too early at position {position + 1}; expected a comparison (=, ≠, <, ≤, >, ≥ or in) after '{item}'"
            : $"expected a comparison (=, ≠, <, ≤, >, ≥ or in) at position {position + 1}, found '{Rest()}'");
        return new Comparison(item, op, ReadValue(), start);
    }

    private ComparisonOperator? ReadOperator()
    {
        SkipSpace();
        foreach (var (text, op) in Operators)
        {
            if (string.CompareOrdinal(source, position, text, 0, text.Length) == 0)
            {
                position += text.Length;
                return op;
            }
        }

        return null;
    }

    // Two-character spellings first, so "<=" is not read as "<" followed by "=".
    private static readonly (string Text, ComparisonOperator Op)[] Operators =
    [
        ("!=", ComparisonOperator.NotEqual), ("<=", ComparisonOperator.LessOrEqual), (">=", ComparisonOperator.GreaterOrEqual),
        ("=", ComparisonOperator.Equal), ("≠", ComparisonOperator.NotEqual), ("<", ComparisonOperator.Less), ("≤", ComparisonOperator.LessOrEqual),
        (">", ComparisonOperator.Greater), ("≥", ComparisonOperator.GreaterOrEqual),
    ];

    private ConditionValue ReadValue()
    {
        SkipSpace();
        var start = position;
        if (AtEnd) throw Error($"ends too early at position {position + 1}; expected a number or a 'quoted' code");
        if (source[position] == '\'')
        {
            var close = source.IndexOf('\'', position + 1);
            if (close < 0) throw Error($"the quote opened at position {start + 1} is never closed");
            var code = source[(position + 1)..close];
            position = close + 1;
            return new ConditionValue(null, code);
        }

        if (source[position] == '-' || char.IsAsciiDigit(source[position]))
        {
            position++;
            while (!AtEnd && (char.IsAsciiDigit(source[position]) || source[position] == '.'))
            {
                position++;
            }

            var text = source[start..position];
            if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            {
                throw ErrorAt(start, $"'{text}' at position {start + 1} is not a number");
            }

            return new ConditionValue(number, null);
        }

        throw Error($"expected a number or a 'quoted' code at position {position + 1}, found '{Rest()}' (codes are in single quotes)");
    }

    private string? ReadName()
    {
        SkipSpace();
        var start = position;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(source[position]) || source[position] == '_'))
        {
            position++;
        }

        return position > start && char.IsAsciiLetter(source[start]) ? source[start..position] : ResetTo(start);
    }

    private string? ResetTo(int start)
    {
        position = start;
        return null;
    }

    private bool TryKeyword(string keyword)
    {
        SkipSpace();
        var end = position + keyword.Length;
        if (string.CompareOrdinal(source, position, keyword, 0, keyword.Length) != 0) return false;
        if (end < source.Length && (char.IsAsciiLetterOrDigit(source[end]) || source[end] == '_')) return false;
        position = end;
        return true;
    }

    private bool TrySymbol(string symbol)
    {
        SkipSpace();
        if (string.CompareOrdinal(source, position, symbol, 0, symbol.Length) != 0) return false;
        position += symbol.Length;
        return true;
    }

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(source[position]))
        {
            position++;
        }
    }

    private string Rest()
    {
        var rest = source[position..];
        return rest.Length > 20 ? rest[..20] + "…" : rest;
    }

    private ConditionSyntaxException Error(string message) => new(message, position);

    private static ConditionSyntaxException ErrorAt(int at, string message) => new(message, at);
}
