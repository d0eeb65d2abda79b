namespace Tracker.Engine.Consent;

/// <summary>What a participant answered on the consent page.</summary>
public enum ConsentDecision
{
    Agreed,
    Declined,
}
