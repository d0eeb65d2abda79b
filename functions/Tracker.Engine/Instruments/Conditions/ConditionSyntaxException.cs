namespace Tracker.Engine.Instruments.Conditions;

/// <summary>A display condition that does not parse; the message names the 1-based position of the problem.</summary>
public sealed class ConditionSyntaxException : FormatException
{
    public ConditionSyntaxException()
    {
    }

    public ConditionSyntaxException(string message)
        : base(message)
    {
    }

    public ConditionSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConditionSyntaxException(string message, int position)
        : base(message)
    {
        Position = position;
    }

    /// <summary>Where the problem is, 0-based.</summary>
    public int Position { get; }
}
