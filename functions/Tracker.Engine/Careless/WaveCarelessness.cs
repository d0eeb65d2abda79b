using Tracker.Analysis.Careless;
using Tracker.Engine.Exports;
using Tracker.Engine.Instruments;
using Tracker.Engine.Panels;
using Tracker.Engine.Responses;

namespace Tracker.Engine.Careless;

/// <summary>
/// The careless-answer indices of a wave's stored responses under the panel's thresholds. Long string, IRV and
/// Mahalanobis D² read the answers as given (a straight-liner repeats the same box, reversed item or not; D² does not
/// change when an item is reversed); even–odd consistency reads them reverse-keyed, so both halves of a construct
/// point the same way (Johnson 2005 scores the scales before splitting them).
/// </summary>
public static class WaveCarelessness
{
    /// <summary>A response's answers in item order as given (null = not answered) and its time to submit.</summary>
    public static CarelessResponse Response(Instrument instrument, StoredResponse response)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(response);
        var items = instrument.Items.ToArray();
        var codes = new byte[items.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            if (!response.Answers.TryGetValue(items[i].Id, out var answer))
            {
                codes[i] = CompactAnswers.Missing;
            }
            else if (CompactAnswers.Fits(answer))
            {
                codes[i] = (byte)answer;
            }
            else
            {
                return new CarelessResponse(Wide(items, response), response.SecondsToSubmit);
            }
        }

        return new CarelessResponse(new CompactAnswers(codes), response.SecondsToSubmit);
    }

    /// <summary>The scores of one wave's responses, in their order.</summary>
    public static IReadOnlyList<CarelessScores> Score(Instrument instrument, CarelessThresholds thresholds, IReadOnlyList<CarelessResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(responses);
        var items = instrument.Items.ToArray();
        var constructs = instrument.Constructs.SelectMany(c => c.Items.Select(_ => c.Id)).ToArray();
        var raw = CarelessIndices.Score(constructs, responses, thresholds);
        var scale = instrument.Scale;
        var result = new CarelessScores[raw.Count];
        for (var n = 0; n < raw.Count; n++)
        {
            var given = responses[n].Answers;
            var keyed = new double?[given.Count];
            for (var i = 0; i < given.Count; i++)
            {
                keyed[i] = items[i].Reversed && given[i] is { } v ? scale.Min + scale.Max - v : given[i];
            }

            var r = CarelessIndices.EvenOddCorrelation(constructs, keyed);
            var evenOdd = r is { } value ? CarelessIndices.SpearmanBrown(value) : (double?)null;
            var flags = raw[n].Flags & ~CarelessFlags.Inconsistent;
            if (evenOdd < thresholds.MinimumEvenOdd) flags |= CarelessFlags.Inconsistent;
            result[n] = raw[n] with { EvenOddCorrelation = r, EvenOdd = evenOdd, Flags = flags };
        }

        return result;
    }

    /// <summary>
    /// One pass over a wave from the source, keeping only each response's answers (not the response), and the scores
    /// by participant id. Mahalanobis D² needs the whole wave's mean and covariance before any response is scored, so
    /// a writer reads the wave a second time for its rows rather than holding them.
    /// </summary>
    public static async Task<Dictionary<string, CarelessScores>> ScoreWaveAsync(IResponseSource source, Panel panel, int wave, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(panel);
        var ids = new List<string>();
        var responses = new List<CarelessResponse>();
        await foreach (var response in source.ReadWaveAsync(panel.Id, wave, cancellationToken).ConfigureAwait(false))
        {
            ids.Add(response.ParticipantId);
            responses.Add(Response(panel.Instrument, response));
        }

        var scores = Score(panel.Instrument, panel.Careless.Thresholds, responses);
        var byParticipant = new Dictionary<string, CarelessScores>(ids.Count, StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++) byParticipant[ids[i]] = scores[i];
        return byParticipant;
    }

    private static double?[] Wide(IReadOnlyList<Item> items, StoredResponse response)
    {
        var answers = new double?[items.Count];
        for (var i = 0; i < answers.Length; i++)
        {
            answers[i] = response.Answers.TryGetValue(items[i].Id, out var answer) ? answer : null;
        }

        return answers;
    }
}
