namespace Tracker.Engine.Storage;

/// <summary>The send ledger's default claim lease (<c>Tracker:ClaimLease</c> overrides it).</summary>
public static class SendLedgerDefaults
{
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);
}
