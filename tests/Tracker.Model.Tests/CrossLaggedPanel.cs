using Tracker.Model.Models;

namespace Tracker.Model.Tests;

/// <summary>
/// A simulated panel drawn from an RI-CLPM with known paths: stable person levels (random intercepts) plus
/// within-person deviations that carry over with 0.3 per wave; ownership above a participant's usual level raises
/// their willingness at the next wave by <see cref="OwnershipToWillingness"/>, and no other cross-lagged path exists
/// (willingness → ownership, and both directions for value and identification, are zero). One in ten stops answering
/// at each wave after the first.
/// </summary>
public static class CrossLaggedPanel
{
    public const double OwnershipToWillingness = 0.4;

    public static readonly string[] Mechanisms = ["ownership", "value", "identification"];

    public static ModelInput Input(int participants = 800, int waves = 5, int closedWaves = 5, int seed = 11, int? unansweredOwnershipWave = null)
    {
        var random = new Random(seed);
        var responses = new List<ResponseRecord>();
        string[] constructs = ["willingness", .. Mechanisms];
        for (var p = 0; p < participants; p++)
        {
            var level = constructs.ToDictionary(c => c, _ => 0.6 * SimulatedPanel.Normal(random));
            var within = constructs.ToDictionary(c => c, _ => SimulatedPanel.Normal(random));
            var lastWave = 1;
            while (lastWave < waves && random.NextDouble() >= 0.1) lastWave++;
            for (var wave = 1; wave <= lastWave; wave++)
            {
                if (wave > 1)
                {
                    var previous = new Dictionary<string, double>(within);
                    foreach (var c in constructs) within[c] = 0.3 * previous[c] + 0.8 * SimulatedPanel.Normal(random);
                    within["willingness"] += OwnershipToWillingness * previous["ownership"];
                }

                var scores = constructs.ToDictionary(c => c, c => (double?)(4 + 0.05 * wave + level[c] + within[c]));
                if (wave == unansweredOwnershipWave) scores["ownership"] = null;
                responses.Add(new ResponseRecord($"p{p:D5}", wave, scores, new Dictionary<string, int>()));
            }
        }

        var start = SimulatedPanel.Start;
        return new ModelInput
        {
            PanelId = "pcrosslagged1",
            PanelName = "Simulated cross-lagged panel",
            MinimumCellSize = 5,
            WavesPlanned = waves,
            Constructs = SimulatedPanel.Constructs,
            Waves = [.. Enumerable.Range(1, waves).Select(w => new WaveRow
            {
                Wave = w,
                OpensAt = start.AddDays(7 * (w - 1)),
                ClosesAt = start.AddDays(7 * (w - 1) + 6),
                State = w <= closedWaves ? "closed" : "open",
                Days = 7 * (w - 1),
                Invited = participants,
                Responded = responses.Count(r => r.Wave == w),
            })],
            Responses = responses,
            FittedAt = start.AddDays(7 * waves),
            LatestResponseAt = start.AddDays(7 * waves - 1),
        };
    }
}
