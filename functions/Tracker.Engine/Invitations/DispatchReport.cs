namespace Tracker.Engine.Invitations;

/// <summary>What one dispatch pass over a wave did.</summary>
public sealed record DispatchReport(string PanelId, int Wave, int Sent, int AlreadyHandled, int Failed, int Deferred)
{
    /// <summary>Messages whose delivery could not be told (no reply after the data went out); recorded as unknown, not retried.</summary>
    public int Unknown { get; init; }

    public static DispatchReport Sum(string panelId, int wave, IEnumerable<DispatchReport> parts)
    {
        var list = parts.ToList();
        return new(panelId, wave, list.Sum(p => p.Sent), list.Sum(p => p.AlreadyHandled), list.Sum(p => p.Failed), list.Sum(p => p.Deferred)) { Unknown = list.Sum(p => p.Unknown) };
    }
}
