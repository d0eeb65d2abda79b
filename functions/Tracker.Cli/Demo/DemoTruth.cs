namespace Tracker.Cli.Demo;

/// <summary>The population values the simulation draws from, printed beside what the models recover.</summary>
public sealed record DemoTruth(double Initial, double Plateau, double HalfLifeDays, double DropOutPerWave, double SkipProbability)
{
    public double Rate => Math.Log(2) / HalfLifeDays;

    public static DemoTruth Default { get; } = new(Initial: 5.2, Plateau: 3.9, HalfLifeDays: 14, DropOutPerWave: 0.08, SkipProbability: 0.08);
}
