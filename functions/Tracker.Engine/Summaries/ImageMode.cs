namespace Tracker.Engine.Summaries;

/// <summary>How the HTML refers to the charts: <c>cid:</c> inside an email, inline <c>data:</c> URIs for a browser preview.</summary>
public enum ImageMode
{
    ContentId,
    DataUri,
}
