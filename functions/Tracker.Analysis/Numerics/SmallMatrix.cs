namespace Tracker.Analysis.Numerics;

/// <summary>
/// In-place dense kernels for the tiny matrices of the mixed model (q×q blocks, p×p fixed-effect
/// systems). Row-major spans, no allocation: they run once per group per deviance evaluation.
/// </summary>
internal static class SmallMatrix
{
    /// <summary>Overwrites the lower triangle of the symmetric positive definite a (n×n) with its Cholesky factor L (a = L L'); false when a pivot is not positive.</summary>
    public static bool CholeskyInPlace(Span<double> a, int n) => CholeskyInPlace(a, n, 0, out _);

    /// <summary>As CholeskyInPlace; a pivot at or below relativeTolerance × its diagonal counts as failure and is reported as the column index.</summary>
    public static bool CholeskyInPlace(Span<double> a, int n, double relativeTolerance, out int failedColumn)
    {
        for (var j = 0; j < n; j++)
        {
            var diagonal = a[j * n + j];
            var pivot = diagonal;
            for (var k = 0; k < j; k++) pivot -= a[j * n + k] * a[j * n + k];
            if (!(pivot > relativeTolerance * Math.Abs(diagonal)) || !(pivot > 0))
            {
                failedColumn = j;
                return false;
            }
            var root = Math.Sqrt(pivot);
            a[j * n + j] = root;
            for (var i = j + 1; i < n; i++)
            {
                var sum = a[i * n + j];
                for (var k = 0; k < j; k++) sum -= a[i * n + k] * a[j * n + k];
                a[i * n + j] = sum / root;
            }
        }
        failedColumn = -1;
        return true;
    }

    /// <summary>Solves L x = b in place for a lower-triangular factor l (n×n); b holds columns of width m (n×m row-major).</summary>
    public static void ForwardSolve(ReadOnlySpan<double> l, int n, Span<double> b, int m)
    {
        for (var i = 0; i < n; i++)
        {
            for (var c = 0; c < m; c++)
            {
                var sum = b[i * m + c];
                for (var k = 0; k < i; k++) sum -= l[i * n + k] * b[k * m + c];
                b[i * m + c] = sum / l[i * n + i];
            }
        }
    }

    /// <summary>Solves L' x = b in place for a lower-triangular factor l (n×n) and a vector b.</summary>
    public static void BackSolveTransposed(ReadOnlySpan<double> l, int n, Span<double> b)
    {
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = b[i];
            for (var k = i + 1; k < n; k++) sum -= l[k * n + i] * b[k];
            b[i] = sum / l[i * n + i];
        }
    }

    /// <summary>The inverse of L L' from its lower-triangular factor l (n×n).</summary>
    public static double[] InverseFromCholesky(ReadOnlySpan<double> l, int n)
    {
        var inverse = new double[n * n];
        var column = new double[n];
        for (var c = 0; c < n; c++)
        {
            Array.Clear(column);
            column[c] = 1;
            ForwardSolve(l, n, column, 1);
            BackSolveTransposed(l, n, column);
            for (var r = 0; r < n; r++) inverse[r * n + c] = column[r];
        }
        return inverse;
    }
}
