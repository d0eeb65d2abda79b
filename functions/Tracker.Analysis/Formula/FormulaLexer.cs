namespace Tracker.Analysis.Formula;

/// <summary>Splits a formula into names (R syntactic names or `backticked`), numbers and operator symbols.</summary>
internal static class FormulaLexer
{
    public static List<FormulaToken> Tokenize(string text)
    {
        var tokens = new List<FormulaToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (c == '`')
            {
                var close = text.IndexOf('`', i + 1);
                if (close < 0) throw new FormulaException($"unclosed backtick at position {i + 1} in '{text}'");
                tokens.Add(new FormulaToken(FormulaTokenKind.Name, text[(i + 1)..close], start + 1));
                i = close + 1;
            }
            else if (char.IsLetter(c) || c == '.' || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '.' or '_')) i++;
                tokens.Add(new FormulaToken(FormulaTokenKind.Name, text[start..i], start + 1));
            }
            else if (char.IsDigit(c))
            {
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.')) i++;
                tokens.Add(new FormulaToken(FormulaTokenKind.Number, text[start..i], start + 1));
            }
            else if (c == '|' && i + 1 < text.Length && text[i + 1] == '|')
            {
                tokens.Add(new FormulaToken(FormulaTokenKind.Symbol, "||", start + 1));
                i += 2;
            }
            else if (c == '%')
            {
                var close = text.IndexOf('%', i + 1);
                var op = close < 0 ? "%" : text[i..(close + 1)];
                tokens.Add(new FormulaToken(FormulaTokenKind.Symbol, op, start + 1));
                i += op.Length;
            }
            else
            {
                tokens.Add(new FormulaToken(FormulaTokenKind.Symbol, c.ToString(), start + 1));
                i++;
            }
        }
        tokens.Add(new FormulaToken(FormulaTokenKind.End, "", text.Length + 1));
        return tokens;
    }
}
