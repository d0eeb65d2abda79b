using System.Runtime.CompilerServices;
namespace Tracker.Analysis.Riclpm;

/// <summary>
/// The RI-CLPM's free parameters and the mean and covariance they imply. With variables ordered
/// wave-major (v = wave·C + construct) and w the within components:
/// w = B w + ζ, so Σ_W = A Ψ A' with A = (I − B)⁻¹, B holding the lagged paths (wave k on wave k − 1)
/// and Ψ block-diagonal (the wave-1 covariance, then each later wave's residual covariance);
/// the random intercepts add their covariance R to every pair of waves: Σ = Σ_W + Λ R Λ'; μ is free.
/// Parameters in order: intercepts, random-intercept (co)variances, within (co)variances wave by wave,
/// lagged paths (per wave, or one set shared by every wave).
/// </summary>
internal sealed class RiclpmStructure
{
    private readonly List<ParameterSlot[]> _parameters = [];

    public RiclpmStructure(IReadOnlyList<string> constructs, IReadOnlyList<int> waves, bool equalLaggedPaths)
    {
        Constructs = constructs;
        Waves = waves;
        C = constructs.Count;
        T = waves.Count;
        P = C * T;
        for (var k = 0; k < T; k++)
            for (var c = 0; c < C; c++)
                Add(new ParameterSlot(SlotKind.Mean, Index(k, c), 0, Observed(c, k), "~1", ""));
        for (var c = 0; c < C; c++)
            for (var d = c; d < C; d++)
                Add(new ParameterSlot(SlotKind.RandomIntercept, c, d, $"RI_{constructs[c]}", "~~", $"RI_{constructs[d]}"));
        for (var k = 0; k < T; k++)
            for (var c = 0; c < C; c++)
                for (var d = c; d < C; d++)
                    Add(new ParameterSlot(SlotKind.Within, Index(k, c), Index(k, d), Within(c, k), "~~", Within(d, k)));
        if (equalLaggedPaths)
        {
            for (var c = 0; c < C; c++)
                for (var d = 0; d < C; d++)
                    _parameters.Add(Enumerable.Range(1, T - 1).Select(k => Lagged(c, d, k)).ToArray());
        }
        else
        {
            for (var k = 1; k < T; k++)
                for (var c = 0; c < C; c++)
                    for (var d = 0; d < C; d++) Add(Lagged(c, d, k));
        }
    }

    public IReadOnlyList<string> Constructs { get; }

    public IReadOnlyList<int> Waves { get; }

    public int C { get; }

    public int T { get; }

    /// <summary>Number of observed variables (constructs × waves).</summary>
    public int P { get; }

    public int Count => _parameters.Count;

    public IReadOnlyList<ParameterSlot[]> Parameters => _parameters;

    public int Index(int wave, int construct) => wave * C + construct;

    private string Observed(int c, int k) => WidePanel.VariableName(Constructs[c], Waves[k]);

    private string Within(int c, int k) => "w_" + WidePanel.VariableName(Constructs[c], Waves[k]);

    private ParameterSlot Lagged(int c, int d, int k) =>
        new(SlotKind.Lagged, Index(k, c), Index(k - 1, d), Within(c, k), "~", Within(d, k - 1));

    private void Add(ParameterSlot slot) => _parameters.Add([slot]);

    /// <summary>The implied mean and covariance (p×p row-major); a and sigmaWithin receive (I − B)⁻¹ and Σ_W for the gradient.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Implied(ReadOnlySpan<double> theta, Span<double> mu, Span<double> sigma, double[] a, double[] sigmaWithin)
    {
        var p = P;
        var b = new double[p * p];
        var psi = new double[p * p];
        var r = new double[C * C];
        for (var i = 0; i < _parameters.Count; i++)
        {
            foreach (var slot in _parameters[i])
            {
                var value = theta[i];
                switch (slot.Kind)
                {
                    case SlotKind.Mean: mu[slot.Row] = value; break;
                    case SlotKind.RandomIntercept: r[slot.Row * C + slot.Col] = r[slot.Col * C + slot.Row] = value; break;
                    case SlotKind.Within: psi[slot.Row * p + slot.Col] = psi[slot.Col * p + slot.Row] = value; break;
                    default: b[slot.Row * p + slot.Col] = value; break;
                }
            }
        }
        // A = I + B A, row by row in wave order: B only reaches back one wave, so earlier rows are final.
        Array.Clear(a);
        for (var i = 0; i < p; i++)
        {
            a[i * p + i] = 1;
            var wave = i / C;
            if (wave == 0) continue;
            for (var j = (wave - 1) * C; j < wave * C; j++)
            {
                var bij = b[i * p + j];
                if (bij == 0) continue;
                for (var col = 0; col < p; col++) a[i * p + col] += bij * a[j * p + col];
            }
        }
        // Σ_W = A Ψ A'.
        var aPsi = Multiply(a, psi, p, false);
        var result = Multiply(aPsi, a, p, true);
        result.CopyTo(sigmaWithin, 0);
        for (var i = 0; i < p; i++)
            for (var j = 0; j < p; j++) sigma[i * p + j] = result[i * p + j] + r[(i % C) * C + j % C];
    }

    /// <summary>∂f/∂θ from ∂f/∂μ and ∂f/∂Σ (symmetric) by the chain rule through R, Ψ and B.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Gradient(ReadOnlySpan<double> gradientMu, ReadOnlySpan<double> gradientSigma, double[] a, double[] sigmaWithin, Span<double> gradient)
    {
        var p = P;
        var g = gradientSigma.ToArray();
        var aT = Transpose(a, p);
        var aTg = Multiply(aT, g, p, false);
        var n = Multiply(aTg, a, p, false);          // A' G A: ∂f/∂Ψ
        var m = Multiply(aTg, sigmaWithin, p, false); // A' G Σ_W: half of ∂f/∂B
        var rGradient = new double[C * C];
        for (var i = 0; i < p; i++)
            for (var j = 0; j < p; j++) rGradient[(i % C) * C + j % C] += g[i * p + j];
        for (var i = 0; i < _parameters.Count; i++)
        {
            var sum = 0.0;
            foreach (var slot in _parameters[i])
            {
                sum += slot.Kind switch
                {
                    SlotKind.Mean => gradientMu[slot.Row],
                    SlotKind.RandomIntercept => (slot.Row == slot.Col ? 1 : 2) * rGradient[slot.Row * C + slot.Col],
                    SlotKind.Within => (slot.Row == slot.Col ? 1 : 2) * n[slot.Row * p + slot.Col],
                    _ => 2 * m[slot.Row * p + slot.Col],
                };
            }
            gradient[i] = sum;
        }
    }

    private static double[] Transpose(double[] x, int n)
    {
        var t = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) t[j * n + i] = x[i * n + j];
        return t;
    }

    /// <summary>x·y, or x·y' when transposeRight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] Multiply(double[] x, double[] y, int n, bool transposeRight)
    {
        var result = new double[n * n];
        for (var i = 0; i < n; i++)
            for (var k = 0; k < n; k++)
            {
                var xik = x[i * n + k];
                if (xik == 0) continue;
                if (transposeRight)
                    for (var j = 0; j < n; j++) result[i * n + j] += xik * y[j * n + k];
                else
                    for (var j = 0; j < n; j++) result[i * n + j] += xik * y[k * n + j];
            }
        return result;
    }
}
