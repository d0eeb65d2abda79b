using Tracker.LocalHost.Timers;

namespace Tracker.LocalHost.Discovery;

/// <summary>A timer trigger with its schedule already resolved from app settings.</summary>
/// <param name="ScheduleExpression">The attribute's schedule after %placeholder% resolution.</param>
public sealed record TimerTriggerInfo(string ScheduleExpression, TimerSchedule Schedule, bool RunOnStartup);
