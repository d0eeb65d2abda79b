namespace Tracker.Engine.Forms;

/// <summary>What the HTTP function does with a posted form.</summary>
public enum AnswerParseOutcome
{
    /// <summary>Every item answered within the scale: store it.</summary>
    Accepted,

    /// <summary>Some items missing or out of range: 422, the form re-rendered with errors and the valid answers kept.</summary>
    Incomplete,

    /// <summary>Not something our form produces (unknown or repeated fields, oversized values, files): 400.</summary>
    Malformed,
}
