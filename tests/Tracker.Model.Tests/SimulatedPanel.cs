using Tracker.Model.Models;

namespace Tracker.Model.Tests;

/// <summary>A simulated panel with known truth: willingness decays from 5.2 towards 3.9 with a 14-day half-life, the other constructs drift.</summary>
public static class SimulatedPanel
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<ConstructInfo> Constructs { get; } =
    [
        // Deliberately not in chain order: the chart must sort them.
        new("willingness", "Sustained co-creation willingness", "outcome"),
        new("ugc", "User-generated content", "behaviour"),
        new("interaction", "Brand-user interaction", "behaviour"),
        new("community", "Community participation", "behaviour"),
        new("ownership", "Psychological ownership", "psychology"),
        new("value", "Perceived value", "psychology"),
        new("identification", "Community identification", "psychology"),
        new("participation", "Deepening participation", "outcome"),
        new("diffusion", "Content diffusion", "outcome"),
    ];

    /// <summary>Participants per wave: responders[w − 1] answer wave w (the first ones, so later waves are subsets).</summary>
    public static ModelInput Input(int[] responders, int minimumCellSize = 5, int seed = 7, int invitedPerWave = -1)
    {
        var random = new Random(seed);
        var people = responders.Max();
        var person = Enumerable.Range(0, people).Select(_ => (Level: Normal(random) * 0.5, Slope: Normal(random) * 0.004)).ToArray();
        var responses = new List<ResponseRecord>();
        var waves = new List<WaveRow>();
        for (var wave = 1; wave <= responders.Length; wave++)
        {
            var days = (wave - 1) * 7.0;
            waves.Add(new WaveRow
            {
                Wave = wave,
                OpensAt = Start.AddDays(days),
                ClosesAt = Start.AddDays(days + 6),
                State = "closed",
                Days = days,
                Invited = invitedPerWave > 0 ? invitedPerWave : people,
                Responded = responders[wave - 1],
                ResponseRate = (double)responders[wave - 1] / (invitedPerWave > 0 ? invitedPerWave : people),
            });
            for (var p = 0; p < responders[wave - 1]; p++)
            {
                var scores = new Dictionary<string, double?>();
                var answers = new Dictionary<string, int>();
                foreach (var construct in Constructs)
                {
                    var mean = construct.Id == "willingness"
                        ? 3.9 + (5.2 - 3.9) * Math.Exp(-Math.Log(2) / 14 * days) + person[p].Level + person[p].Slope * days
                        : 4.5 - 0.05 * wave + person[p].Level;
                    var items = Enumerable.Range(1, 3).Select(i => Math.Clamp((int)Math.Round(mean + Normal(random) * 0.6), 1, 7)).ToArray();
                    for (var i = 0; i < 3; i++) answers[$"{construct.Id}_{i + 1}"] = items[i];
                    scores[construct.Id] = items.Average();
                }

                responses.Add(new ResponseRecord($"participant{p:D4}", wave, scores, answers));
            }
        }

        return new ModelInput
        {
            PanelId = "ptestpanel01",
            PanelName = "Simulated co-creation panel",
            MinimumCellSize = minimumCellSize,
            WavesPlanned = responders.Length,
            Constructs = Constructs,
            Waves = waves,
            Responses = responses,
            FittedAt = Start.AddDays(40),
            LatestResponseAt = Start.AddDays(30),
        };
    }

    public static ModelDocument Model(int[] responders, int minimumCellSize = 5, int seed = 7) =>
        ModelJson.Deserialize(ModelJson.Serialize(WillingnessModelFitter.Fit(Input(responders, minimumCellSize, seed))));

    internal static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
