namespace Tracker.Engine.Storage;

/// <summary>One wave of a panel (partition = panel id, row = zero-padded wave number so waves sort in order).</summary>
public sealed class WaveEntity : TableEntityBase
{
    public int Number { get; set; }

    public DateTimeOffset OpensAt { get; set; }

    public DateTimeOffset ClosesAt { get; set; }

    /// <summary>When a dispatch pass last completed for every participant then active.</summary>
    public DateTimeOffset? DispatchedAt { get; set; }

    /// <summary>When the wave's responses were written to their immutable snapshot blob (null until sealed).</summary>
    public DateTimeOffset? SealedAt { get; set; }

    public static string Key(int wave) => wave.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
}
