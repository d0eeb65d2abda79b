using System.Globalization;
using Tracker.Engine.Instruments;
using Tracker.Engine.Responses;

namespace Tracker.Cli.Demo;

/// <summary>
/// Draws simulated participants and their answers from <see cref="DemoTruth"/>, reproducibly for a seed. Participants
/// answer in parallel, so every draw takes the lock (a <see cref="Random"/> shared between threads returns zeros).
/// </summary>
public sealed class DemoPopulation
{
    private readonly Lock gate = new();
    private readonly Random random;
    private readonly DemoTruth truth;

    public DemoPopulation(DemoTruth truth, int seed)
    {
        this.truth = truth;
        random = new Random(seed);
    }

    public IReadOnlyList<SimulatedParticipant> Draw(int count, int waves)
    {
        lock (gate)
        {
            return [.. Enumerable.Range(1, count).Select(One)];
        }

        SimulatedParticipant One(int i)
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
        }
    }

    public bool Answers(SimulatedParticipant participant, int wave)
    {
        lock (gate)
        {
            return wave <= participant.DropsOutAfterWave && random.NextDouble() >= truth.SkipProbability;
        }
    }

    /// <summary>One answer per item: the construct's latent score plus item noise, rounded onto the scale, reverse-keyed items mirrored.</summary>
    public IReadOnlyDictionary<string, int> AnswersFor(SimulatedParticipant participant, Instrument instrument, double days)
    {
        lock (gate)
        {
            return ItemAnswers(participant, instrument, days);
        }
    }

    /// <summary>
    /// An answer to a question of another type, as <see cref="ResponseAnswers"/> encodes it: a code, several codes
    /// joined by <c>;</c> (each posted as its own field), a number within the bounds, a date, or a short text; an
    /// optional question is left empty now and then.
    /// </summary>
    public IReadOnlyList<string> AnswerFor(Question question)
    {
        lock (gate)
        {
            if (!question.Required && random.NextDouble() < 0.3) return [];
            switch (question.Type)
            {
                case QuestionType.SingleChoice:
                    return [question.Choices[random.Next(question.Choices.Count)].Code];
                case QuestionType.MultipleChoice:
                    var ticked = question.Choices.Where(_ => random.NextDouble() < 0.5).Select(c => c.Code).ToList();
                    return ticked.Count > 0 ? ticked : [question.Choices[random.Next(question.Choices.Count)].Code];
                case QuestionType.Number:
                    var min = question.Min ?? 0;
                    var max = Math.Min(question.Max ?? min + 100, min + 60);
                    var value = min + random.NextDouble() * (max - min);
                    return [(question.WholeNumbers ? Math.Round(value) : Math.Round(value, 1)).ToString(CultureInfo.InvariantCulture)];
                case QuestionType.Date:
                    return [new DateOnly(2025, 1, 1).AddDays(random.Next(600)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
                default:
                    return ["Nothing to add — thank you."];
            }
        }
    }

    private Dictionary<string, int> ItemAnswers(SimulatedParticipant participant, Instrument instrument, double days)
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
