namespace Tracker.Engine.Status;

/// <summary>Responses that came in after a given message (the last one sent before the participant first answered).</summary>
public sealed record ResponseSource(string Message, int Responses, double Share);
