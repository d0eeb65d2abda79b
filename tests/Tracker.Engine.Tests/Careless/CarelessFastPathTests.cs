using Tracker.Analysis.Careless;
using Tracker.Engine.Careless;
using Tracker.Engine.Instruments;
using Tracker.Engine.Responses;

namespace Tracker.Engine.Tests.Careless;

/// <summary>
/// The per-wave scorer (one covariance and one Cholesky factor per answer pattern, buffers reused, answers held a byte
/// each) against the computation it replaced (<see cref="ReferenceCarelessIndices"/>, kept verbatim), on a wave with
/// skipped answers in many patterns, straight-liners, reversed answerers, untimed responses: every index equal to the
/// last bit, and every flag.
/// </summary>
public sealed class CarelessFastPathTests
{
    private static readonly Instrument Instrument = DefaultInstrument.Instance;
    private static readonly Item[] Items = Instrument.Items.ToArray();
    private static readonly string[] Constructs = Instrument.Constructs.SelectMany(c => c.Items.Select(_ => c.Id)).ToArray();

    [Theory]
    [InlineData(700, 1)]
    [InlineData(700, 2)]
    [InlineData(25, 3)] // fewer responses than the 27 items: no covariance, D² empty for all
    public void The_fast_path_scores_a_wave_with_missing_answers_exactly_as_the_old_computation(int responses, int seed)
    {
        var wave = Wave(responses, seed);
        var builder = new CarelessWaveBuilder(Instrument);
        foreach (var response in wave) builder.Add(response);

        var fast = WaveCarelessness.Scorer(Instrument, CarelessThresholds.Default).Score(builder.Wave);
        var reference = Reference(wave.Select(AsGiven).ToArray(), CarelessThresholds.Default);

        Assert.Equal(reference.Count, fast.Count);
        for (var i = 0; i < reference.Count; i++) Assert.Equal(reference[i], fast[i]);
        Assert.Equal(responses > 100, fast.Any(s => s.Mahalanobis is not null && s.MahalanobisDegreesOfFreedom < Items.Length));
        Assert.Contains(fast, s => s.Flags.HasFlag(CarelessFlags.LongString));
        Assert.Contains(fast, s => s.SecondsToSubmit is null);
        Assert.Equal(reference.Count(s => s.Flagged), WaveCarelessness.Scorer(Instrument, CarelessThresholds.Default).CountFlagged(builder.Wave));
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.2)]
    [InlineData(0.5)]
    public void The_count_of_flagged_responses_is_the_count_the_scores_flag_when_distance_alone_decides(double pValue)
    {
        // Every other index off, so D² alone flags, many responses near its critical value at the larger p thresholds.
        var distanceOnly = new CarelessThresholds(LongStringShare: 1, MinimumIrv: 0, MahalanobisPValue: pValue, MinimumEvenOdd: -1, MinimumSecondsPerItem: 0);
        foreach (var thresholds in new[] { distanceOnly, CarelessThresholds.Default with { MahalanobisPValue = pValue } })
        {
            var builder = new CarelessWaveBuilder(Instrument);
            foreach (var response in Wave(700, 5)) builder.Add(response);
            var scorer = WaveCarelessness.Scorer(Instrument, thresholds);

            var scores = scorer.Score(builder.Wave);
            Assert.Equal(scores.Count(s => s.Flagged), scorer.CountFlagged(builder.Wave));
            if (pValue > 0.1 && thresholds == distanceOnly) Assert.InRange(scores.Count(s => s.Flagged), 100, 650);
        }
    }

    [Fact]
    public void Answers_that_do_not_fit_a_byte_switch_the_wave_to_wide_storage_and_score_the_same()
    {
        var rows = Wave(300, 4).Select(AsGiven).ToArray();
        rows[150] = new CarelessResponse(rows[150].Answers.Select((a, i) => i == 3 ? 1000.5 : a).ToArray(), rows[150].SecondsToSubmit);
        var strict = CarelessThresholds.Default with { MahalanobisPValue = 0.05, MinimumEvenOdd = 0.5 };

        var fast = CarelessIndices.Score(Constructs, rows, strict);
        var reference = ReferenceCarelessIndices.Score(Constructs, rows, strict);

        Assert.Equal(reference, fast);
        // The wide answer survives the switch: its response is the wave's most distant.
        Assert.Equal(fast.Max(s => s.Mahalanobis), fast[150].Mahalanobis);
    }

    /// <summary>The old WaveCarelessness.Score: the raw indices, then even–odd again on reverse-keyed answers.</summary>
    private static List<CarelessScores> Reference(IReadOnlyList<CarelessResponse> responses, CarelessThresholds thresholds)
    {
        var raw = ReferenceCarelessIndices.Score(Constructs, responses, thresholds);
        var result = new List<CarelessScores>();
        for (var n = 0; n < raw.Count; n++)
        {
            var given = responses[n].Answers;
            var keyed = new double?[given.Count];
            for (var i = 0; i < given.Count; i++) keyed[i] = Items[i].Reversed && given[i] is { } v ? Instrument.Scale.Min + Instrument.Scale.Max - v : given[i];
            var r = ReferenceCarelessIndices.EvenOddCorrelation(Constructs, keyed);
            var evenOdd = r is { } value ? ReferenceCarelessIndices.SpearmanBrown(value) : (double?)null;
            var flags = raw[n].Flags & ~CarelessFlags.Inconsistent;
            if (evenOdd < thresholds.MinimumEvenOdd) flags |= CarelessFlags.Inconsistent;
            result.Add(raw[n] with { EvenOddCorrelation = r, EvenOdd = evenOdd, Flags = flags });
        }

        return result;
    }

    private static CarelessResponse AsGiven(StoredResponse response) =>
        new(Items.Select(i => response.Answers.TryGetValue(i.Id, out var a) ? a : (double?)null).ToArray(), response.SecondsToSubmit);

    /// <summary>A wave of simulated responses: most answer a latent level with noise; a fifth skip one to three items; some straight-line, some answer fast, some are untimed.</summary>
    private static List<StoredResponse> Wave(int count, int seed)
    {
        var random = new Random(seed);
        var at = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        var wave = new List<StoredResponse>();
        for (var n = 0; n < count; n++)
        {
            var level = random.Next(2, 7);
            var straight = random.NextDouble() < 0.05;
            var answers = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var item in Items)
            {
                var value = straight ? level : Math.Clamp(level + random.Next(-2, 3), 1, 7);
                answers[item.Id] = item.Reversed && !straight ? Instrument.Scale.Reverse(value) : value;
            }

            if (random.NextDouble() < 0.2)
            {
                for (var skipped = random.Next(1, 4); skipped > 0; skipped--) answers.Remove(Items[random.Next(Items.Length)].Id);
            }

            double? seconds = random.NextDouble() switch { < 0.1 => null, < 0.2 => random.Next(10, 50), _ => random.Next(60, 600) + random.NextDouble() };
            wave.Add(new StoredResponse("pbench", 1, $"p{n:D15}", answers, new Dictionary<string, double?>(), at, at, 1, seconds));
        }

        return wave;
    }
}
