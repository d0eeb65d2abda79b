namespace Tracker.Engine.Summaries;

/// <summary>A chart attached to the email as an inline (CID) image.</summary>
public sealed record InlineImage(string ContentId, string FileName, string AltText, byte[] Png);
