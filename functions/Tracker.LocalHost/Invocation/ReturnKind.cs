namespace Tracker.LocalHost.Invocation;

/// <summary>What to do with a function's (awaited) return value.</summary>
internal enum ReturnKind
{
    None,
    ActionResult,
    Result,
}
