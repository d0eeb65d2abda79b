namespace Tracker.Engine.Instruments.Conditions;

/// <summary>One node of a parsed display condition; <see cref="Position"/> is where it starts in the source (0-based).</summary>
public abstract record ConditionNode(int Position);

/// <summary><c>item op value</c>.</summary>
public sealed record Comparison(string Item, ComparisonOperator Operator, ConditionValue Value, int Position) : ConditionNode(Position);

/// <summary><c>item in [v1, v2, …]</c>: true when the answer is (or, for multiple choice, includes) any of the values.</summary>
public sealed record InList(string Item, IReadOnlyList<ConditionValue> Values, int Position) : ConditionNode(Position);

public sealed record AndCondition(ConditionNode Left, ConditionNode Right) : ConditionNode(Left.Position);

public sealed record OrCondition(ConditionNode Left, ConditionNode Right) : ConditionNode(Left.Position);

public sealed record NotCondition(ConditionNode Operand, int Position) : ConditionNode(Position);
