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
    /// <summary>The scorer for the instrument's waves: each item's construct, and reversed items keyed around the scale's ends.</summary>
    public static CarelessScorer Scorer(Instrument instrument, CarelessThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(thresholds);
        var constructs = instrument.Constructs.SelectMany(c => c.Items.Select(_ => c.Id)).ToArray();
        var around = (double)(instrument.Scale.Min + instrument.Scale.Max);
        var reverseAround = instrument.Items.Select(i => i.Reversed ? around : (double?)null).ToArray();
        return new CarelessScorer(constructs, thresholds, reverseAround);
    }

    /// <summary>The scores of one wave's responses given as lists of answers in item order (null = not answered), in their order.</summary>
    public static IReadOnlyList<CarelessScores> Score(Instrument instrument, CarelessThresholds thresholds, IReadOnlyList<CarelessResponse> responses)
    {
        var scorer = Scorer(instrument, thresholds);
        return scorer.Score(CarelessIndices.Wave(scorer.Items, responses));
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
        var answers = new CarelessWaveBuilder(panel.Instrument);
        await foreach (var response in source.ReadWaveAsync(panel.Id, wave, cancellationToken).ConfigureAwait(false))
        {
            ids.Add(response.ParticipantId);
            answers.Add(response);
        }

        var scores = Scorer(panel.Instrument, panel.Careless.Thresholds).Score(answers.Wave);
        var byParticipant = new Dictionary<string, CarelessScores>(ids.Count, StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++) byParticipant[ids[i]] = scores[i];
        return byParticipant;
    }
}
