namespace Tracker.Engine.Consent;

/// <summary>The wire and CSV names of <see cref="ConsentDecision"/>: <c>agreed</c>, <c>declined</c>.</summary>
public static class ConsentDecisions
{
    public const string Agreed = "agreed";
    public const string Declined = "declined";

    public static string Name(ConsentDecision decision) => decision == ConsentDecision.Agreed ? Agreed : Declined;

    /// <summary>Anything but <c>agreed</c> reads as declined: a record never turns into consent by accident.</summary>
    public static ConsentDecision FromStored(string? name) => name == Agreed ? ConsentDecision.Agreed : ConsentDecision.Declined;
}
