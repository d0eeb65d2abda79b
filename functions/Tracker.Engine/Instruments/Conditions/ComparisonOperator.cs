namespace Tracker.Engine.Instruments.Conditions;

/// <summary>How a condition compares an answer with a value.</summary>
public enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
