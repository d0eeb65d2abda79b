namespace Tracker.Cli.Demo;

/// <summary>
/// A simulated panel member: willingness decays from <see cref="Initial"/> towards <see cref="Plateau"/> at
/// <see cref="Rate"/> per day; <see cref="Trait"/> lifts every construct together, as a general disposition would.
/// </summary>
public sealed record SimulatedParticipant(string Email, double Trait, double Initial, double Plateau, double Rate, int DropsOutAfterWave);
