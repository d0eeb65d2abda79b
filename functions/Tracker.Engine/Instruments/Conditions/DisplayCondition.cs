using System.Collections.Concurrent;
using System.Globalization;
using Tracker.Engine.Responses;

namespace Tracker.Engine.Instruments.Conditions;

/// <summary>
/// A page's or question's display condition on earlier answers of the same wave, e.g.
/// <c>platforms in ['tiktok'] and (age &lt; 25 or not gender = 'f')</c>.
/// </summary>
/// <remarks>
/// Values are numbers or quoted choice codes. A number is compared with a construct item's answer or a number
/// question's; a code with a choice question's, where a multiple-choice answer "is" every code chosen
/// (<c>= 'x'</c>: x was chosen; <c>≠ 'x'</c>: answered without x; <c>in [..]</c>: any listed code was chosen).
/// A comparison on an unanswered item is false, so <c>not</c> of it is true. The validator
/// (<see cref="InstrumentValidator"/>) makes sure every item exists earlier and has a fitting type, so evaluation
/// needs no types: choice codes cannot contain <c>;</c>, the separator of a multiple-choice answer.
/// </remarks>
public sealed class DisplayCondition
{
    // Conditions come from a handful of stored instruments; parsing each source once keeps page renders cheap.
    private static readonly ConcurrentDictionary<string, DisplayCondition> Parsed = new(StringComparer.Ordinal);

    private DisplayCondition(string source, ConditionNode root)
    {
        Source = source;
        Root = root;
    }

    public string Source { get; }

    public ConditionNode Root { get; }

    /// <summary>Parses <paramref name="source"/>; throws <see cref="ConditionSyntaxException"/> naming the position of the problem.</summary>
    public static DisplayCondition Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new DisplayCondition(source, ConditionParser.Parse(source));
    }

    public static bool TryParse(string source, out DisplayCondition? condition, out string? error)
    {
        try
        {
            condition = Parse(source);
            error = null;
            return true;
        }
        catch (ConditionSyntaxException ex)
        {
            condition = null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>Whether a stored (hence validated) condition holds; null always holds.</summary>
    public static bool Holds(string? source, ResponseAnswers answers)
    {
        if (source is null) return true;
        var condition = Parsed.Count < 10_000 ? Parsed.GetOrAdd(source, Parse) : Parse(source);
        return condition.Evaluate(answers);
    }

    public bool Evaluate(ResponseAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return Evaluate(Root, answers);
    }

    /// <summary>Every comparison in source order (for validation: which items the condition reads, and how).</summary>
    public IEnumerable<ConditionNode> Comparisons() => Leaves(Root);

    private static IEnumerable<ConditionNode> Leaves(ConditionNode node) => node switch
    {
        AndCondition and => Leaves(and.Left).Concat(Leaves(and.Right)),
        OrCondition or => Leaves(or.Left).Concat(Leaves(or.Right)),
        NotCondition not => Leaves(not.Operand),
        _ => [node],
    };

    private static bool Evaluate(ConditionNode node, ResponseAnswers answers) => node switch
    {
        AndCondition and => Evaluate(and.Left, answers) && Evaluate(and.Right, answers),
        OrCondition or => Evaluate(or.Left, answers) || Evaluate(or.Right, answers),
        NotCondition not => !Evaluate(not.Operand, answers),
        Comparison comparison => Compare(comparison, answers),
        InList list => list.Values.Any(v => Compare(new Comparison(list.Item, ComparisonOperator.Equal, v, list.Position), answers)),
        _ => throw new InvalidOperationException($"Unknown condition node {node.GetType().Name}."),
    };

    private static bool Compare(Comparison comparison, ResponseAnswers answers)
    {
        if (comparison.Value.Number is { } number)
        {
            double? answer = answers.Scale.TryGetValue(comparison.Item, out var scale) ? scale
                : answers.Other.TryGetValue(comparison.Item, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
                : null;
            return answer is { } a && comparison.Operator switch
            {
                ComparisonOperator.Equal => a == number,
                ComparisonOperator.NotEqual => a != number,
                ComparisonOperator.Less => a < number,
                ComparisonOperator.LessOrEqual => a <= number,
                ComparisonOperator.Greater => a > number,
                ComparisonOperator.GreaterOrEqual => a >= number,
                _ => false,
            };
        }

        if (!answers.Other.TryGetValue(comparison.Item, out var answered) || answered.Length == 0) return false;
        var chosen = answered.Split(';').Contains(comparison.Value.Code, StringComparer.Ordinal);
        return comparison.Operator switch
        {
            ComparisonOperator.Equal => chosen,
            ComparisonOperator.NotEqual => !chosen,
            _ => false, // ordering codes means nothing; the validator refuses it
        };
    }
}
