namespace Tracker.Engine.Forms;

/// <summary>Why one item's answer was not accepted; shown beside the item and in the error summary.</summary>
public sealed record AnswerError(string ItemId, string Message);
