namespace Tracker.Engine.Dashboard;

/// <summary>What a dashboard token is for: a link is only swapped for a session; only a session opens the page.</summary>
public enum DashboardTokenKind
{
    Link,
    Session,
}
