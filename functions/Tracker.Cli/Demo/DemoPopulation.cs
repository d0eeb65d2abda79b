using System.Globalization;
using Tracker.Engine.Instruments;

namespace Tracker.Cli.Demo;

/// <summary>Draws simulated participants and their item answers from <see cref="DemoTruth"/>, reproducibly for a seed.</summary>
public sealed class DemoPopulation
{
    private readonly Random random;
    private readonly DemoTruth truth;

    public DemoPopulation(DemoTruth truth, int seed)
    {
        this.truth = truth;
        random = new Random(seed);
    }

    public IReadOnlyList<SimulatedParticipant> Draw(int count, int waves) =>
        Enumerable.Range(1, count).Select(i =>
        {
            var trait = Normal();
            var dropsOut = waves + 1;
            for (var w = 1; w < waves; w++)
            {
                if (random.NextDouble() < truth.DropOutPerWave)
                {
                    dropsOut = w;
                    break;
                }
            }

            return new SimulatedParticipant(
                $"participant{i.ToString("D4", CultureInfo.InvariantCulture)}@demo.tracker.example",
                trait,
                truth.Initial + 0.5 * trait + 0.3 * Normal(),
                truth.Plateau + 0.4 * trait + 0.2 * Normal(),
                truth.Rate * Math.Exp(0.15 * Normal()),
                dropsOut);
        }).ToList();

    public bool Answers(SimulatedParticipant participant, int wave) =>
        wave <= participant.DropsOutAfterWave && random.NextDouble() >= truth.SkipProbability;

    /// <summary>One answer per item: the construct's latent score plus item noise, rounded onto the scale, reverse-keyed items mirrored.</summary>
    public IReadOnlyDictionary<string, int> AnswersFor(SimulatedParticipant participant, Instrument instrument, double days)
    {
        var willingness = participant.Plateau + (participant.Initial - participant.Plateau) * Math.Exp(-participant.Rate * days);
        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var construct in instrument.Constructs)
        {
            var latent = construct.Id == "willingness"
                ? willingness
                : 4.4 + 0.6 * participant.Trait + 0.25 * (willingness - truth.Plateau);
            foreach (var item in construct.Items)
            {
                var value = Math.Clamp((int)Math.Round(latent + 0.6 * Normal()), instrument.Scale.Min, instrument.Scale.Max);
                answers[item.Id] = item.Reversed ? instrument.Scale.Reverse(value) : value;
            }
        }

        return answers;
    }

    private double Normal()
    {
        // Box–Muller: enough for a demo, and keeps the simulation free of extra dependencies.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
