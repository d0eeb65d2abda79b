using System.Runtime.CompilerServices;
using Tracker.Analysis.Numerics;

namespace Tracker.Analysis.Riclpm;

/// <summary>
/// Scratch space for one half of a pass over the missing-data patterns, sized once for the widest pattern, so the
/// per-pattern algebra (thousands of patterns, tens of passes per fit) allocates nothing. Matrices are o×o row-major
/// for the current pattern's o observed scores.
/// </summary>
internal sealed class PatternScratch
{
    public PatternScratch(int widest)
    {
        Factor = new double[widest * widest];
        W = new double[widest * widest];
        T = new double[widest * widest];
        R = new double[widest * widest];
        D = new double[widest];
        U = new double[widest];
        var elements = widest * (widest + 1) / 2;
        ElementA = new int[elements];
        ElementB = new int[elements];
        Global = new int[elements];
    }

    /// <summary>The Cholesky factor L of Σₒ (lower triangle), then L⁻¹ in place.</summary>
    public double[] Factor { get; }

    /// <summary>Σₒ⁻¹, full and symmetric, after <see cref="Invert"/>.</summary>
    public double[] W { get; }

    public double[] T { get; }

    public double[] R { get; }

    public double[] D { get; }

    public double[] U { get; }

    public int[] ElementA { get; }

    public int[] ElementB { get; }

    public int[] Global { get; }

    /// <summary>
    /// W = Σₒ⁻¹ for the rows and columns <paramref name="observed"/> of sigma (p×p), and log|Σₒ|; false when Σₒ is not
    /// positive definite. Through L⁻¹ (triangular, o³/6) and W = L⁻ᵀL⁻¹ (lower triangle, o³/6, mirrored): a third
    /// of the work of solving for each column of the identity.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Invert(double[] sigma, int p, int[] observed, out double logDet)
    {
        var o = observed.Length;
        var l = Factor;
        for (var a = 0; a < o; a++)
        {
            var row = observed[a] * p;
            for (var b = 0; b <= a; b++) l[a * o + b] = sigma[row + observed[b]];
        }
        logDet = 0;
        if (!SmallMatrix.CholeskyInPlace(l.AsSpan(0, o * o), o)) return false;
        for (var a = 0; a < o; a++) logDet += 2 * Math.Log(l[a * o + a]);

        // L⁻¹ in place, column by column from the right: X[i, j] = −(Σ_{k=j}^{i−1} L[i, k] X[k, j]) / L[i, i].
        for (var j = 0; j < o; j++)
        {
            var inverseDiagonal = 1 / l[j * o + j];
            for (var i = j + 1; i < o; i++)
            {
                var sum = l[i * o + j] * inverseDiagonal;
                for (var k = j + 1; k < i; k++) sum += l[i * o + k] * l[k * o + j];
                l[i * o + j] = -sum / l[i * o + i];
            }
            l[j * o + j] = inverseDiagonal;
        }
        // W[a, b] = Σ_{k ≥ a} X[k, a] X[k, b] for a ≥ b (X lower triangular).
        var w = W;
        for (var a = 0; a < o; a++)
            for (var b = 0; b <= a; b++)
            {
                var sum = 0.0;
                for (var k = a; k < o; k++) sum += l[k * o + a] * l[k * o + b];
                w[a * o + b] = sum;
                w[b * o + a] = sum;
            }
        return true;
    }
}
