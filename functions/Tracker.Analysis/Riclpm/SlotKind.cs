namespace Tracker.Analysis.Riclpm;

/// <summary>The model matrix a free parameter belongs to.</summary>
internal enum SlotKind
{
    /// <summary>An observed intercept (μ).</summary>
    Mean,

    /// <summary>A random-intercept (co)variance (R).</summary>
    RandomIntercept,

    /// <summary>A within-component (residual) (co)variance (Ψ).</summary>
    Within,

    /// <summary>A lagged path (B).</summary>
    Lagged,
}
