using System.Globalization;
using System.Text;

namespace Tracker.Infra.Tests.Infrastructure;

/// <summary>
/// A parsed ARM template language expression (the text between the brackets of "[...]" in compiled Bicep).
/// Just enough of the grammar to read what `bicep build` emits: calls, string/number literals, member access and indexing.
/// </summary>
internal abstract record ArmExpression
{
    /// <summary>Parses a JSON string value: "[expr]" is an expression, "[[..." an escaped literal, anything else a literal.</summary>
    public static ArmExpression FromJsonString(string value)
    {
        if (value.StartsWith("[[", StringComparison.Ordinal))
        {
            return new ArmString(value[1..]);
        }

        return value.StartsWith('[') && value.EndsWith(']')
            ? Parse(value[1..^1])
            : new ArmString(value);
    }

    public static ArmExpression Parse(string text)
    {
        var parser = new Parser(text);
        var expression = parser.ParseExpression();
        parser.ExpectEnd();
        return expression;
    }

    /// <summary>A call to <paramref name="name"/>, case-insensitive as in ARM; null otherwise.</summary>
    public IReadOnlyList<ArmExpression>? ArgumentsOf(string name) =>
        this is ArmCall call && string.Equals(call.Name, name, StringComparison.OrdinalIgnoreCase) ? call.Arguments : null;

    private sealed class Parser(string text)
    {
        private int position;

        public ArmExpression ParseExpression()
        {
            var expression = ParsePrimary();
            while (true)
            {
                SkipWhitespace();
                if (TryConsume('.'))
                {
                    expression = new ArmMember(expression, ParseIdentifier());
                }
                else if (TryConsume('['))
                {
                    var index = ParseExpression();
                    Expect(']');
                    expression = new ArmIndex(expression, index);
                }
                else
                {
                    return expression;
                }
            }
        }

        public void ExpectEnd()
        {
            SkipWhitespace();
            if (position != text.Length)
            {
                throw Error("end of expression");
            }
        }

        private ArmExpression ParsePrimary()
        {
            SkipWhitespace();
            if (position >= text.Length)
            {
                throw Error("a value");
            }

            var c = text[position];
            if (c == '\'')
            {
                return new ArmString(ParseString());
            }

            if (char.IsDigit(c) || c == '-')
            {
                var start = position++;
                while (position < text.Length && (char.IsDigit(text[position]) || text[position] == '.'))
                {
                    position++;
                }

                return new ArmNumber(decimal.Parse(text[start..position], CultureInfo.InvariantCulture));
            }

            var name = ParseIdentifier();
            SkipWhitespace();
            if (!TryConsume('('))
            {
                return name switch
                {
                    "true" => new ArmBoolean(true),
                    "false" => new ArmBoolean(false),
                    "null" => new ArmNull(),
                    _ => throw Error("'(' after a function name"),
                };
            }

            var arguments = new List<ArmExpression>();
            SkipWhitespace();
            if (!TryConsume(')'))
            {
                do
                {
                    arguments.Add(ParseExpression());
                    SkipWhitespace();
                }
                while (TryConsume(','));
                Expect(')');
            }

            return new ArmCall(name, arguments);
        }

        private string ParseString()
        {
            Expect('\'');
            var builder = new StringBuilder();
            while (true)
            {
                if (position >= text.Length)
                {
                    throw Error("closing quote");
                }

                var c = text[position++];
                if (c != '\'')
                {
                    builder.Append(c);
                }
                else if (position < text.Length && text[position] == '\'')
                {
                    builder.Append('\'');
                    position++;
                }
                else
                {
                    return builder.ToString();
                }
            }
        }

        private string ParseIdentifier()
        {
            SkipWhitespace();
            var start = position;
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '_' or '$'))
            {
                position++;
            }

            return position > start ? text[start..position] : throw Error("an identifier");
        }

        private void SkipWhitespace()
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }

        private bool TryConsume(char c)
        {
            SkipWhitespace();
            if (position < text.Length && text[position] == c)
            {
                position++;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            if (!TryConsume(c))
            {
                throw Error($"'{c}'");
            }
        }

        private FormatException Error(string expected) =>
            new($"Expected {expected} at {position} in ARM expression: {text}");
    }
}

internal sealed record ArmString(string Value) : ArmExpression;

internal sealed record ArmNumber(decimal Value) : ArmExpression;

internal sealed record ArmBoolean(bool Value) : ArmExpression;

internal sealed record ArmNull : ArmExpression;

internal sealed record ArmCall(string Name, IReadOnlyList<ArmExpression> Arguments) : ArmExpression;

internal sealed record ArmMember(ArmExpression Target, string Name) : ArmExpression;

internal sealed record ArmIndex(ArmExpression Target, ArmExpression Index) : ArmExpression;
