namespace Tracker.Cli.Bench;

/// <summary>
/// What the responses table holds against what the participants were told: every acknowledged (2xx) submission stored
/// once with exactly the posted answers, and nothing stored that was not acknowledged.
/// </summary>
/// <param name="Acknowledged">Submissions answered 2xx.</param>
/// <param name="Stored">Rows in the wave's responses partition.</param>
/// <param name="Missing">Acknowledged but no row.</param>
/// <param name="Unacknowledged">A row whose submission never got a 2xx.</param>
/// <param name="Mismatched">A row whose answers differ from what was posted.</param>
/// <param name="Rewritten">A row written more than once (revision above 1) although each participant submitted once.</param>
public sealed record IngestAccounting(int Acknowledged, int Stored, int Missing, int Unacknowledged, int Mismatched, int Rewritten)
{
    public bool ExactlyOnce => Missing == 0 && Unacknowledged == 0 && Mismatched == 0 && Rewritten == 0 && Stored == Acknowledged;
}
