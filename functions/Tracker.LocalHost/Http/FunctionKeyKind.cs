namespace Tracker.LocalHost.Http;

/// <summary>Which of the host's keys a request presented.</summary>
public enum FunctionKeyKind
{
    /// <summary>No key, or one the host does not hold (never issued, or revoked).</summary>
    None,

    /// <summary>A named key of the function the request is for.</summary>
    Function,

    /// <summary>A named host key: opens every Function-level route.</summary>
    Host,

    /// <summary>The master key: opens every route, Admin level and the admin API included.</summary>
    Master,
}
