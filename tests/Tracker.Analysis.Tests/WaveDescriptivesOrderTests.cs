using Tracker.Analysis.Descriptives;

namespace Tracker.Analysis.Tests;

/// <summary>Per-wave summaries group rows by wave whatever the rows' order, waves ascending, missing values left out.</summary>
public class WaveDescriptivesOrderTests
{
    [Fact]
    public void Each_wave_is_summarised_from_its_own_values_in_row_order_whatever_order_the_rows_come_in()
    {
        var random = new Random(7);
        var wave = new double[400];
        var values = new double[400];
        for (var i = 0; i < wave.Length; i++)
        {
            // Participant-major order with gaps, a few missing waves and values, and a wave seen first late.
            wave[i] = i % 41 == 0 ? double.NaN : i < 300 ? 1 + i % 5 : 7;
            values[i] = i % 13 == 0 ? double.NaN : random.NextDouble() * 10;
        }

        var described = WaveDescriptives.Describe("y", wave, values);

        var expected = wave.Where(w => !double.IsNaN(w)).Distinct().Order()
            .Select(w => WaveDescriptives.Summarise(w, values.Where((v, i) => wave[i] == w && !double.IsNaN(v)).ToList()))
            .ToList();
        Assert.Equal([1.0, 2, 3, 4, 5, 7], described.Waves.Select(s => s.Wave));
        Assert.Equal(expected, described.Waves);
    }
}
