namespace Tracker.Model.Findings;

/// <summary>One plain-language statement of the summary, with the section of the model it comes from.</summary>
public sealed record Finding(string Topic, string Text);
