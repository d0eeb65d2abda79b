namespace Tracker.Engine.Access;

/// <summary>
/// The caller a request stands for, or null when it proved nothing (a 401; a 503 when <see cref="KeysUnavailable"/>:
/// a key was presented but the app could not read its keys); <see cref="Why"/> says why a known caller holds no role,
/// or why nobody was recognised.
/// </summary>
public sealed record CallerResolution(Caller? Caller, string? Why = null, bool KeysUnavailable = false)
{
    public static CallerResolution Nobody { get; } = new(null, "no key and no sign-in");
}
