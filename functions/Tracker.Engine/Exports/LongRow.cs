using Tracker.Engine.Responses;

namespace Tracker.Engine.Exports;

/// <summary>One participant × wave of the long export: the response and its time on the participant's own clock.</summary>
public sealed record LongRow(StoredResponse Response, double Days)
{
    /// <summary>The response's careless-answer indices within its wave, when the reader was asked for them.</summary>
    public Tracker.Analysis.Careless.CarelessScores? Careless { get; init; }

    public string ParticipantId => Response.ParticipantId;

    public int Wave => Response.Wave;
}
