namespace Tracker.Analysis.Formula;

/// <summary>
/// Recursive-descent parser for the subset of lme4's formula language Tracker fits:
/// <c>response ~ fixed + (random | group)</c> with numeric variables, +, *, :, parentheses,
/// implicit intercept, 0 + / - 1, and exactly one random-effects term (1 | g), (x | g), (1 + x | g) or (0 + x | g).
/// Everything else fails with a message naming the unsupported part, because silently fitting a
/// different model than the one written is the worst outcome for a researcher.
/// </summary>
internal sealed class FormulaParser
{
    private const string Supported = "supported: numeric columns, +, *, :, 0 + or - 1, and one (1 + x | group) term";

    private readonly string _text;
    private readonly List<FormulaToken> _tokens;
    private int _position;

    private FormulaParser(string text)
    {
        _text = text;
        _tokens = FormulaLexer.Tokenize(text);
    }

    public static ModelFormula Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new FormulaException("the formula is empty");
        return new FormulaParser(text.Trim()).ParseFormula();
    }

    private FormulaToken Peek => _tokens[_position];

    private FormulaToken Next() => _tokens[_position++];

    private bool IsSymbol(string symbol) => Peek.Kind == FormulaTokenKind.Symbol && Peek.Text == symbol;

    private ModelFormula ParseFormula()
    {
        var responseToken = Next();
        if (responseToken.Kind != FormulaTokenKind.Name)
            throw Error(responseToken, "expected the response column name before '~'");
        if (IsSymbol("(")) throw Error(responseToken, $"transformed responses such as '{responseToken.Text}(...)' are not supported");
        if (!IsSymbol("~")) throw Error(Peek, "expected '~' after the response");
        Next();
        var summands = ParseSum();
        if (Peek.Kind != FormulaTokenKind.End) throw Unsupported(Peek);
        return Build(responseToken.Text, summands);
    }

    private ModelFormula Build(string response, List<Summand> summands)
    {
        var intercept = true;
        var terms = new List<List<string>>();
        RandomTerm? random = null;
        foreach (var summand in summands)
        {
            switch (summand.Expression)
            {
                case NumberExpression number:
                    intercept = (number.Value == 1) != summand.Minus;
                    break;
                case TermsExpression t when summand.Minus:
                    throw Error(summand.At, $"removing terms with '- {string.Join(" + ", t.Terms.Select(x => string.Join(":", x)))}' is not supported (only '- 1')");
                case TermsExpression t:
                    terms.AddRange(t.Terms);
                    break;
                case RandomExpression r when summand.Minus:
                    throw Error(summand.At, "a random-effects term cannot be subtracted");
                case RandomExpression r:
                    if (random is not null) throw Error(summand.At, $"only one random-effects term is supported, found a second one '{r.Term}'");
                    random = r.Term;
                    break;
            }
        }
        if (random is null)
            throw new FormulaException($"the formula '{_text}' has no random-effects term: add one such as '(days | participant_id)'");
        return new ModelFormula(_text, response, intercept, OrderAsR(terms), random);
    }

    /// <summary>
    /// R's terms(): variables keep the order of their first appearance, duplicate terms collapse,
    /// and terms sort stably by their order (main effects, then two-way interactions, ...).
    /// </summary>
    private static List<FixedTerm> OrderAsR(List<List<string>> terms)
    {
        var variableOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var variable in terms.SelectMany(t => t)) variableOrder.TryAdd(variable, variableOrder.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var distinct = new List<FixedTerm>();
        foreach (var term in terms)
        {
            var ordered = term.Distinct().OrderBy(v => variableOrder[v]).ToList();
            var label = string.Join(":", ordered);
            if (seen.Add(label)) distinct.Add(new FixedTerm(ordered));
        }
        return distinct.OrderBy(t => t.Variables.Count).ToList();
    }

    private List<Summand> ParseSum()
    {
        var summands = new List<Summand>();
        var minus = false;
        if (IsSymbol("-")) { Next(); minus = true; }
        else if (IsSymbol("+")) Next();
        while (true)
        {
            var at = Peek;
            summands.Add(new Summand(minus, ParseProduct(), at));
            if (IsSymbol("+")) { Next(); minus = false; }
            else if (IsSymbol("-")) { Next(); minus = true; }
            else return summands;
        }
    }

    private Expression ParseProduct()
    {
        var left = ParseInteraction();
        while (IsSymbol("*"))
        {
            var op = Next();
            var right = ParseInteraction();
            var a = AsTerms(left, op);
            var b = AsTerms(right, op);
            left = new TermsExpression([.. a.Terms, .. b.Terms, .. Cross(a, b).Terms]);
        }
        return left;
    }

    private Expression ParseInteraction()
    {
        var left = ParseAtom();
        while (IsSymbol(":"))
        {
            var op = Next();
            left = Cross(AsTerms(left, op), AsTerms(ParseAtom(), op));
        }
        return left;
    }

    private Expression ParseAtom()
    {
        var token = Next();
        switch (token.Kind)
        {
            case FormulaTokenKind.Name when token.Text == ".":
                throw Error(token, "'.' (all other columns) is not supported: name the columns");
            case FormulaTokenKind.Name when IsSymbol("("):
                throw Error(token, $"function calls such as '{token.Text}(...)' are not supported: transform the column before fitting");
            case FormulaTokenKind.Name:
                return new TermsExpression([[token.Text]]);
            case FormulaTokenKind.Number when token.Text is "0" or "1":
                return new NumberExpression(token.Text == "1" ? 1 : 0);
            case FormulaTokenKind.Number:
                throw Error(token, $"the number '{token.Text}' is not a term (only 0 and 1 are)");
            case FormulaTokenKind.Symbol when token.Text == "(":
                return ParseParenthesised(token);
            case FormulaTokenKind.End:
                throw Error(token, "the formula ends where a term was expected");
            default:
                _position--;
                throw Unsupported(token);
        }
    }

    private Expression ParseParenthesised(FormulaToken open)
    {
        var inner = ParseSum();
        if (IsSymbol("||"))
            throw Error(Peek, "uncorrelated random effects '||' are not supported: use '|'");
        if (IsSymbol("|"))
        {
            Next();
            var groupToken = Next();
            if (groupToken.Kind != FormulaTokenKind.Name)
                throw Error(groupToken, "expected a grouping column name after '|'");
            if (IsSymbol(":") || IsSymbol("/"))
                throw Error(Peek, $"nested or crossed grouping ('{groupToken.Text}{Peek.Text}...') is not supported: use one grouping column");
            ExpectClose(open);
            return new RandomExpression(BuildRandom(inner, groupToken.Text, open));
        }
        ExpectClose(open);
        var terms = new List<List<string>>();
        foreach (var summand in inner)
        {
            if (summand.Minus || summand.Expression is not TermsExpression t)
                throw Error(summand.At, "inside parentheses only sums of columns are supported");
            terms.AddRange(t.Terms);
        }
        return new TermsExpression(terms);
    }

    private RandomTerm BuildRandom(List<Summand> inner, string group, FormulaToken open)
    {
        var intercept = true;
        var slopes = new List<string>();
        foreach (var summand in inner)
        {
            switch (summand.Expression)
            {
                case NumberExpression number:
                    intercept = (number.Value == 1) != summand.Minus;
                    break;
                case TermsExpression t when summand.Minus:
                    throw Error(summand.At, "removing terms inside a random-effects term is not supported (only '- 1')");
                case TermsExpression t:
                    foreach (var term in t.Terms)
                    {
                        if (term.Count != 1)
                            throw Error(summand.At, $"interactions in the random-effects term ('{string.Join(":", term)}') are not supported");
                        if (!slopes.Contains(term[0], StringComparer.Ordinal)) slopes.Add(term[0]);
                    }
                    break;
                default:
                    throw Error(summand.At, "a random-effects term cannot be nested in another");
            }
        }
        if (slopes.Count > 1)
            throw Error(open, $"more than one random slope ({string.Join(", ", slopes)}) is not supported: use (1 + x | {group})");
        if (!intercept && slopes.Count == 0)
            throw Error(open, "the random-effects term has no effects: use (1 | group) or (x | group)");
        return new RandomTerm(intercept, slopes, group);
    }

    private void ExpectClose(FormulaToken open)
    {
        if (IsSymbol(")")) { Next(); return; }
        if (Peek.Kind == FormulaTokenKind.End) throw Error(open, "unclosed '('");
        throw Unsupported(Peek);
    }

    private TermsExpression AsTerms(Expression expression, FormulaToken op) => expression switch
    {
        TermsExpression t => t,
        NumberExpression => throw Error(op, $"'0' and '1' cannot be combined with '{op.Text}'"),
        _ => throw Error(op, $"a random-effects term cannot be combined with '{op.Text}'"),
    };

    private static TermsExpression Cross(TermsExpression a, TermsExpression b) =>
        new(a.Terms.SelectMany(x => b.Terms.Select(y => x.Concat(y).Distinct().ToList())).ToList());

    private FormulaException Unsupported(FormulaToken token)
    {
        var what = token.Text switch
        {
            "^" => "the power operator '^'",
            "/" => "nesting with '/'",
            "~" => "a second '~'",
            "|" => "'|' outside parentheses",
            "%in%" => "'%in%'",
            ")" => "an unmatched ')'",
            _ => $"'{token.Text}'",
        };
        return Error(token, $"{what} is not supported ({Supported})");
    }

    private FormulaException Error(FormulaToken token, string message) =>
        new($"cannot use formula '{_text}': {message} (at position {token.Position})");

    private abstract record Expression;

    private sealed record TermsExpression(List<List<string>> Terms) : Expression;

    private sealed record NumberExpression(int Value) : Expression;

    private sealed record RandomExpression(RandomTerm Term) : Expression;

    private readonly record struct Summand(bool Minus, Expression Expression, FormulaToken At);
}
