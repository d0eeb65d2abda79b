namespace Tracker.Engine.Access;

/// <summary>The caller a request stands for, or null when it proved nothing (a 401); <see cref="Why"/> says why a known caller holds no role.</summary>
public sealed record CallerResolution(Caller? Caller, string? Why = null)
{
    public static CallerResolution Nobody { get; } = new(null, "no key and no sign-in");
}
