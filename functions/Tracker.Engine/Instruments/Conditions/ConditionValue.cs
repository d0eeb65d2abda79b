using System.Globalization;

namespace Tracker.Engine.Instruments.Conditions;

/// <summary>A literal in a condition: a number, or a quoted choice code (<see cref="Number"/> null).</summary>
public sealed record ConditionValue(double? Number, string? Code)
{
    public override string ToString() => Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : $"'{Code}'";
}
