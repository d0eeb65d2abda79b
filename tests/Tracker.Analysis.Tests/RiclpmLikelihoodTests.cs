using Tracker.Analysis.Numerics;
using Tracker.Analysis.Riclpm;

namespace Tracker.Analysis.Tests;

/// <summary>
/// The RI-CLPM's full-information likelihood on its own: its value against the participants' densities summed one by
/// one, its analytic gradient and exact moment Hessian against central differences, the two-core pass against the same
/// pass run serially, and the saturated maximum against the start it is searched from.
/// </summary>
public class RiclpmLikelihoodTests
{
    private const int P = 6;

    [Fact]
    public void Value_is_the_sum_of_each_participants_density()
    {
        var (values, patterns) = Panel();
        var (mu, sigma) = Point();
        var likelihood = new FimlLikelihood(patterns);
        var expected = 0.0;
        for (var i = 0; i < values.Length / P; i++)
        {
            var observed = Enumerable.Range(0, P).Where(v => !double.IsNaN(values[i * P + v])).ToArray();
            if (observed.Length == 0) continue;
            expected += NegativeLogDensity(values.AsSpan(i * P, P), observed, mu, sigma);
        }
        var actual = likelihood.NegativeLogLikelihood(mu, sigma, default, default);
        Assert.True(Math.Abs(actual - expected) <= 1e-10 * Math.Abs(expected), $"patterns {actual:R}, participants {expected:R}");
    }

    [Fact]
    public void Gradient_equals_central_differences()
    {
        var (_, patterns) = Panel();
        var (mu, sigma) = Point();
        var likelihood = new FimlLikelihood(patterns);
        var analytic = MomentGradient(likelihood, mu, sigma);
        var m = FimlLikelihood.Moments(P);
        for (var k = 0; k < m; k++)
        {
            const double step = 1e-5;
            var (muUp, sigmaUp) = Shift(mu, sigma, k, step);
            var (muDown, sigmaDown) = Shift(mu, sigma, k, -step);
            var numeric = (likelihood.NegativeLogLikelihood(muUp, sigmaUp, default, default) - likelihood.NegativeLogLikelihood(muDown, sigmaDown, default, default)) / (2 * step);
            Assert.True(Math.Abs(analytic[k] - numeric) <= 1e-5 * Math.Max(1, Math.Abs(numeric)), $"moment {k}: analytic {analytic[k]:R}, differences {numeric:R}");
        }
    }

    [Fact]
    public void Moment_hessian_equals_central_differences_of_the_gradient()
    {
        var (_, patterns) = Panel();
        var (mu, sigma) = Point();
        var likelihood = new FimlLikelihood(patterns);
        var hessian = likelihood.Hessian(mu, sigma);
        Assert.NotNull(hessian);
        var m = FimlLikelihood.Moments(P);
        for (var k = 0; k < m; k++)
        {
            const double step = 1e-5;
            var (muUp, sigmaUp) = Shift(mu, sigma, k, step);
            var (muDown, sigmaDown) = Shift(mu, sigma, k, -step);
            var up = MomentGradient(likelihood, muUp, sigmaUp);
            var down = MomentGradient(likelihood, muDown, sigmaDown);
            for (var r = 0; r < m; r++)
            {
                var numeric = (up[r] - down[r]) / (2 * step);
                Assert.True(Math.Abs(hessian[r * m + k] - numeric) <= 1e-4 * Math.Max(1, Math.Abs(numeric)), $"[{r}, {k}]: exact {hessian[r * m + k]:R}, differences {numeric:R}");
            }
        }
    }

    [Fact]
    public void Two_core_pass_equals_the_same_pass_run_serially()
    {
        var (_, patterns) = Panel();
        var (mu, sigma) = Point();
        var parallel = new FimlLikelihood(patterns, parallel: true);
        var serial = new FimlLikelihood(patterns, parallel: false);
        var gradientMu = (new double[P], new double[P]);
        var gradientSigma = (new double[P * P], new double[P * P]);
        var value = parallel.NegativeLogLikelihood(mu, sigma, gradientMu.Item1, gradientSigma.Item1);
        Assert.Equal(serial.NegativeLogLikelihood(mu, sigma, gradientMu.Item2, gradientSigma.Item2), value);
        Assert.Equal(gradientMu.Item2, gradientMu.Item1);
        Assert.Equal(gradientSigma.Item2, gradientSigma.Item1);
        Assert.Equal(serial.Hessian(mu, sigma), parallel.Hessian(mu, sigma));
        // Repeated passes give the same bits: no state leaks from one pass into the next.
        Assert.Equal(value, parallel.NegativeLogLikelihood(mu, sigma, new double[P], new double[P * P]));
    }

    [Fact]
    public void Split_deals_every_pattern_to_exactly_one_half()
    {
        var (_, patterns) = Panel();
        var split = new PatternSplit(patterns.Patterns);
        var dealt = split.Part(0).ToArray().Concat(split.Part(1).ToArray()).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, patterns.Patterns.Count), dealt);
        Assert.NotEmpty(split.Part(0).ToArray());
        Assert.NotEmpty(split.Part(1).ToArray());
    }

    [Fact]
    public void Inverse_times_the_observed_covariance_is_the_identity()
    {
        var (_, sigma) = Point();
        int[] observed = [0, 2, 3, 5];
        var scratch = new PatternScratch(P);
        Assert.True(scratch.Invert(sigma, P, observed, out var logDet));
        var o = observed.Length;
        var factor = new double[o * o];
        for (var a = 0; a < o; a++)
            for (var b = 0; b <= a; b++) factor[a * o + b] = sigma[observed[a] * P + observed[b]];
        Assert.True(SmallMatrix.CholeskyInPlace(factor, o));
        var expectedLogDet = Enumerable.Range(0, o).Sum(a => 2 * Math.Log(factor[a * o + a]));
        Assert.Equal(expectedLogDet, logDet, 12);
        for (var a = 0; a < o; a++)
            for (var b = 0; b < o; b++)
            {
                var sum = 0.0;
                for (var k = 0; k < o; k++) sum += scratch.W[a * o + k] * sigma[observed[k] * P + observed[b]];
                Assert.Equal(a == b ? 1 : 0, sum, 12);
            }
        Assert.False(scratch.Invert(new double[P * P], P, observed, out _));
    }

    [Fact]
    public void Saturated_maximum_does_not_depend_on_where_it_starts()
    {
        var (_, patterns) = Panel();
        var (mu, sigma) = Point();
        var likelihood = new FimlLikelihood(patterns);
        var fromPairwise = SaturatedModel.MaximumLogLikelihood(likelihood, CancellationToken.None);
        var fromPoint = SaturatedModel.MaximumLogLikelihood(likelihood, mu, sigma, CancellationToken.None);
        Assert.True(Math.Abs(fromPairwise - fromPoint) <= 1e-8 * Math.Abs(fromPairwise), $"{fromPairwise:R} against {fromPoint:R}");
        // A maximum: no worse than the start.
        Assert.True(fromPoint >= -likelihood.NegativeLogLikelihood(mu, sigma, default, default));
    }

    /// <summary>400 participants × 2 constructs × 3 waves, correlated, about one score in five missing (some participants none).</summary>
    private static (double[] Values, MissingPatterns Patterns) Panel()
    {
        var random = new Random(20261203);
        const int n = 400;
        var values = new double[n * P];
        for (var i = 0; i < n; i++)
        {
            var stable = Normal(random);
            for (var v = 0; v < P; v++)
            {
                var value = 2 + 0.5 * v + 0.8 * stable + Normal(random);
                values[i * P + v] = random.NextDouble() < 0.2 ? double.NaN : value;
            }
        }
        var panel = WidePanel.FromWide(["x", "y"], [1, 2, 3], values);
        return (values, MissingPatterns.Build(panel));
    }

    /// <summary>A mean and positive definite covariance near, but not at, the data's.</summary>
    private static (double[] Mu, double[] Sigma) Point()
    {
        var mu = Enumerable.Range(0, P).Select(v => 1.9 + 0.45 * v).ToArray();
        var sigma = new double[P * P];
        for (var a = 0; a < P; a++)
            for (var b = 0; b < P; b++) sigma[a * P + b] = a == b ? 1.5 + 0.1 * a : 0.5 + 0.02 * (a + b);
        return (mu, sigma);
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double NegativeLogDensity(ReadOnlySpan<double> row, int[] observed, double[] mu, double[] sigma)
    {
        var o = observed.Length;
        var factor = new double[o * o];
        for (var a = 0; a < o; a++)
            for (var b = 0; b <= a; b++) factor[a * o + b] = sigma[observed[a] * P + observed[b]];
        Assert.True(SmallMatrix.CholeskyInPlace(factor, o));
        var z = new double[o];
        for (var a = 0; a < o; a++) z[a] = row[observed[a]] - mu[observed[a]];
        SmallMatrix.ForwardSolve(factor, o, z, 1);
        var logDet = 0.0;
        for (var a = 0; a < o; a++) logDet += 2 * Math.Log(factor[a * o + a]);
        return 0.5 * (o * Math.Log(2 * Math.PI) + logDet + z.Sum(x => x * x));
    }

    /// <summary>The gradient in moment order (μ, then the lower triangle of Σ), a covariance moving both of its cells.</summary>
    private static double[] MomentGradient(FimlLikelihood likelihood, double[] mu, double[] sigma)
    {
        var gradientMu = new double[P];
        var gradientSigma = new double[P * P];
        Assert.True(double.IsFinite(likelihood.NegativeLogLikelihood(mu, sigma, gradientMu, gradientSigma)));
        var gradient = new double[FimlLikelihood.Moments(P)];
        Array.Copy(gradientMu, gradient, P);
        for (var a = 0; a < P; a++)
            for (var b = 0; b <= a; b++)
                gradient[FimlLikelihood.MomentIndex(P, a, b)] = a == b ? gradientSigma[a * P + a] : gradientSigma[a * P + b] + gradientSigma[b * P + a];
        return gradient;
    }

    private static (double[] Mu, double[] Sigma) Shift(double[] mu, double[] sigma, int moment, double step)
    {
        var shiftedMu = (double[])mu.Clone();
        var shiftedSigma = (double[])sigma.Clone();
        if (moment < P)
        {
            shiftedMu[moment] += step;
            return (shiftedMu, shiftedSigma);
        }
        for (var a = 0; a < P; a++)
            for (var b = 0; b <= a; b++)
                if (FimlLikelihood.MomentIndex(P, a, b) == moment)
                {
                    shiftedSigma[a * P + b] += step;
                    if (a != b) shiftedSigma[b * P + a] += step;
                }
        return (shiftedMu, shiftedSigma);
    }
}
