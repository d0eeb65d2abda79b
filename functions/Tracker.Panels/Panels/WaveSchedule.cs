namespace Tracker.Panels.Panels;

/// <summary>
/// When each wave opens and closes. Waves are numbered from 1; wave k opens at
/// <see cref="Start"/> + (k − 1) · <see cref="Interval"/> and stays open for <see cref="Window"/>.
/// </summary>
public sealed record WaveSchedule(DateTimeOffset Start, int Waves, TimeSpan Interval, TimeSpan Window)
{
    public DateTimeOffset OpensAt(int wave)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(wave, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(wave, Waves);
        return Start + (wave - 1) * Interval;
    }

    public DateTimeOffset ClosesAt(int wave) => OpensAt(wave) + Window;

    public WaveState StateAt(int wave, DateTimeOffset now) =>
        now < OpensAt(wave) ? WaveState.Scheduled
        : now < ClosesAt(wave) ? WaveState.Open
        : WaveState.Closed;

    /// <summary>The waves whose window contains <paramref name="now"/>; windows may overlap when Window &gt; Interval.</summary>
    public IEnumerable<int> OpenWavesAt(DateTimeOffset now) =>
        Enumerable.Range(1, Waves).Where(w => StateAt(w, now) == WaveState.Open);

    public DateTimeOffset End => ClosesAt(Waves);
}
