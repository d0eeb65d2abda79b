using Tracker.Model.Aggregation;
using Tracker.Model.Models;
using Tracker.Model.Time;

namespace Tracker.Model.Tests;

/// <summary>
/// The streamed aggregate against the whole long table (<see cref="WillingnessModelFitter.Fit(ModelInput)"/>) on the
/// same responses: the documents must serialise to the same bytes, whatever order each wave's responses arrive in.
/// </summary>
public sealed class PanelAggregateTests
{
    [Theory]
    [InlineData(new[] { 30, 27, 24 }, 7)]
    [InlineData(new[] { 300, 280, 260, 240, 220 }, 3)]
    [InlineData(new[] { 10, 8 }, 5)]
    [InlineData(new[] { 6 }, 5)]
    public void The_streamed_document_equals_the_long_table_document(int[] responders, int seed)
    {
        var (input, submitted) = Timed(SimulatedPanel.Input(responders, seed: seed), seed);
        Assert.Equal(ModelJson.Serialize(WillingnessModelFitter.Fit(input)), ModelJson.Serialize(Streamed(input, submitted, shuffleSeed: seed)));
    }

    [Fact]
    public void Late_joiners_reversed_items_and_an_item_missing_from_one_wave_give_the_same_document()
    {
        var input = SimulatedPanel.Input([40, 36, 33, 30], seed: 11);
        var responses = input.Responses
            // Participants 0–4 join at wave 2; wave 3 never asked identification_3; some answers skip an item.
            .Where(r => !(r.Wave == 1 && string.CompareOrdinal(r.ParticipantId, "participant0005") < 0))
            .Select((r, i) => r with
            {
                Answers = r.Answers
                    .Where(a => !(r.Wave == 3 && a.Key == "identification_3") && !(i % 9 == 0 && a.Key == "value_2"))
                    .ToDictionary(a => a.Key, a => a.Key == "willingness_3" ? 8 - a.Value : a.Value),
            })
            .ToList();
        var (changed, submitted) = Timed(input with { Responses = responses, ReversedItems = new HashSet<string>(["willingness_3"], StringComparer.Ordinal) }, 11);

        var expected = WillingnessModelFitter.Fit(changed);
        var streamed = Streamed(changed, submitted, shuffleSeed: 2);
        Assert.Equal(ModelJson.Serialize(expected), ModelJson.Serialize(streamed));
        // The case is the one meant: wave 3 has no α for identification (an item was never asked), the others have.
        Assert.DoesNotContain(streamed.Analysis.Reliability["identification"].Waves, w => w.Wave == 3);
        Assert.Equal(3, streamed.Analysis.Reliability["identification"].Waves.Count);
    }

    [Theory]
    [InlineData(new[] { 30, 27, 24 }, 7)]
    [InlineData(new[] { 300, 280, 260, 240, 220 }, 3)]
    public void Responses_laid_out_by_position_give_the_document_of_responses_by_name(int[] responders, int seed)
    {
        var (input, submitted) = Timed(SimulatedPanel.Input(responders, seed: seed), seed);
        // Gaps, a reversed item and an answer under a construct's id (skipped either way), as a sealed wave's columns carry them.
        var responses = input.Responses.Select((r, i) => r with
        {
            Answers = r.Answers.Where(a => !(i % 7 == 0 && a.Key == "value_2") && !(r.Wave == 2 && a.Key == "identification_3"))
                .Append(new KeyValuePair<string, int>("willingness", 4))
                .ToDictionary(a => a.Key, a => a.Value),
        }).ToList();
        var changed = input with { Responses = responses, ReversedItems = new HashSet<string>(["willingness_3"], StringComparer.Ordinal) };
        var items = responses.SelectMany(r => r.Answers.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();

        var byName = Streamed(changed, submitted, shuffleSeed: seed);
        var byPosition = Streamed(changed, submitted, shuffleSeed: seed, positional: items);
        Assert.Equal(ModelJson.Serialize(byName), ModelJson.Serialize(byPosition));
    }

    [Fact]
    public void Waves_must_stream_in_ascending_order()
    {
        var aggregate = PanelAggregate.For(SimulatedPanel.Input([3]));
        var none = new Dictionary<string, int>();
        aggregate.Add(2, "a", SimulatedPanel.Start, new Dictionary<string, double?>(), none);
        Assert.Throws<InvalidOperationException>(() => aggregate.Add(1, "a", SimulatedPanel.Start, new Dictionary<string, double?>(), none));
    }

    [Fact]
    public void A_completed_aggregate_takes_no_more_responses_and_builds_its_table_once()
    {
        var input = SimulatedPanel.Input([12, 10, 9]);
        var aggregate = PanelAggregate.For(input);
        foreach (var r in input.Responses) aggregate.Add(r.Wave, r.ParticipantId, SimulatedPanel.Start.AddDays(7 * (r.Wave - 1)), r.Scores, r.Answers);
        aggregate.Complete();

        var none = new Dictionary<string, int>();
        Assert.Throws<InvalidOperationException>(() => aggregate.Add(4, "late", SimulatedPanel.Start, new Dictionary<string, double?>(), none));
        var table = aggregate.ModelTable();
        Assert.Same(table, aggregate.ModelTable());
        Assert.Equal(31, table.RowCount);
        // Rows by wave then participant: each wave's share in its place, the wave column filled from it.
        Assert.Equal(input.Responses.OrderBy(r => r.Wave).Select(r => (double)r.Wave), table.Numbers("wave"));
        Assert.Equal(input.Responses.OrderBy(r => r.Wave).ThenBy(r => r.ParticipantId, StringComparer.Ordinal).Select(r => r.Scores["willingness"]!.Value), table.Numbers("willingness"));
    }

    /// <summary>
    /// Gives each response a submission time (its wave's opening plus a few hours, varying by participant) and the days
    /// the service derives from it, and each wave the mean of its days, as the service's reading does.
    /// </summary>
    private static (ModelInput Input, Dictionary<(string, int), DateTimeOffset> Submitted) Timed(ModelInput input, int seed)
    {
        var random = new Random(seed);
        var submitted = input.Responses.ToDictionary(r => (r.ParticipantId, r.Wave), r => SimulatedPanel.Start.AddDays(7 * (r.Wave - 1)).AddMinutes(random.Next(0, 3 * 24 * 60)));
        var first = ModelTimeAxis.FirstAnswered(input.Responses.Select(r => new TimedAnswer(r.ParticipantId, r.Wave, submitted[(r.ParticipantId, r.Wave)])));
        var responses = input.Responses.Select(r => r with { Days = ModelTimeAxis.Between(first[r.ParticipantId], submitted[(r.ParticipantId, r.Wave)]) }).ToList();
        var waves = input.Waves.Select(w => w with
        {
            Days = ModelTimeAxis.WaveMean(responses.Where(r => r.Wave == w.Wave).Select(r => r.Days!.Value)),
        }).ToList();
        return (input with { Responses = responses, Waves = waves, LatestResponseAt = submitted.Values.Max() }, submitted);
    }

    /// <summary>
    /// The responses streamed wave by wave, each wave in a shuffled order, then fitted from the aggregate; by name, or,
    /// given <paramref name="positional"/> items, laid out by position as the sealed-wave reader gives them.
    /// </summary>
    private static ModelDocument Streamed(ModelInput input, Dictionary<(string, int), DateTimeOffset> submitted, int shuffleSeed, string[]? positional = null)
    {
        var random = new Random(shuffleSeed);
        var aggregate = PanelAggregate.For(input);
        var crossLagged = CrossLaggedPaths.Collector(input, CrossLaggedPaths.ClosedWaves(input));
        var constructs = input.Constructs.Select(c => c.Id).ToArray();
        if (positional is not null)
        {
            aggregate.UseAnswerLayout(positional);
            // The reader's construct order need not be the collector's.
            crossLagged.UseScoreLayout([.. constructs.Reverse()]);
        }

        var answers = new double[positional?.Length ?? 0];
        var scores = new double[constructs.Length];
        var reversedScores = new double[constructs.Length];
        foreach (var wave in input.Responses.GroupBy(r => r.Wave).OrderBy(g => g.Key))
        {
            var rows = wave.ToArray();
            random.Shuffle(rows);
            foreach (var r in rows)
            {
                if (positional is null)
                {
                    aggregate.Add(r.Wave, r.ParticipantId, submitted[(r.ParticipantId, r.Wave)], r.Scores, r.Answers);
                    crossLagged.Add(r.Wave, r.ParticipantId, r.Scores);
                    continue;
                }

                for (var i = 0; i < answers.Length; i++) answers[i] = r.Answers.TryGetValue(positional[i], out var a) ? a : double.NaN;
                for (var c = 0; c < scores.Length; c++) scores[c] = r.Scores.TryGetValue(constructs[c], out var s) && s is { } v ? v : double.NaN;
                for (var c = 0; c < scores.Length; c++) reversedScores[c] = scores[scores.Length - 1 - c];
                aggregate.Add(r.Wave, r.ParticipantId, submitted[(r.ParticipantId, r.Wave)], scores, answers);
                crossLagged.Add(r.Wave, r.ParticipantId, reversedScores);
            }
        }

        aggregate.Complete();
        return WillingnessModelFitter.Fit(input with { Responses = [] }, aggregate, crossLagged);
    }
}
