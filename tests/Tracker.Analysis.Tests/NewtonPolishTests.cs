using Tracker.Analysis.Growth;
using Tracker.Analysis.Numerics;

namespace Tracker.Analysis.Tests;

/// <summary>
/// The growth fit's Newton polish where the surface is not quadratic: a full Newton step overshoots, so the polish must
/// shorten it rather than give up and leave the digits to a simplex restart (on a 100,000-participant long export the
/// restarts took some 750 deviance passes where the shortened polish certified the fit in 26).
/// </summary>
public sealed class NewtonPolishTests
{
    [Fact]
    public void A_Newton_step_that_overshoots_is_shortened_rather_than_abandoned()
    {
        // Σ √(1 + x²): convex, least at 0; from (1.2, 0.8, 1) the full Newton step lands at about (−1.7, −0.5, −1), higher
        // than the start, so a polish that only tries the full step stops where it began.
        static double PseudoHuber(double[] x, double[] gradient)
        {
            var sum = 0.0;
            for (var i = 0; i < x.Length; i++)
            {
                var root = Math.Sqrt(1 + x[i] * x[i]);
                sum += root;
                gradient[i] = x[i] / root;
            }
            return sum;
        }

        double[] start = [1.2, 0.8, 1.0];
        var startValue = PseudoHuber(start, new double[3]);

        var (result, _) = ThetaOptimizer.NewtonPolish(PseudoHuber, new OptimumResult(start, startValue, 0, false), Enumerable.Repeat(double.NegativeInfinity, 3).ToArray());

        // Each kept step goes down, and halving lets it get most of the way from 4.26 towards the least value 3.
        Assert.True(result.Value < 3.05, $"value {result.Value} from {startValue}");
        Assert.All(result.Point, x => Assert.InRange(x, -0.35, 0.35));
        Assert.Equal(result.Value, PseudoHuber(result.Point, new double[3]), 12);
    }

    [Fact]
    public void A_point_already_at_the_minimum_is_certified_where_it_is()
    {
        static double Bowl(double[] x, double[] gradient)
        {
            gradient[0] = 2 * (x[0] - 1);
            gradient[1] = 4 * (x[1] + 2);
            return (x[0] - 1) * (x[0] - 1) + 2 * (x[1] + 2) * (x[1] + 2);
        }

        double[] minimum = [1, -2];
        var (result, certified) = ThetaOptimizer.NewtonPolish(Bowl, new OptimumResult(minimum, 0, 0, false), [double.NegativeInfinity, double.NegativeInfinity]);

        Assert.True(certified);
        Assert.Equal(0, result.Value, 1e-12);
        Assert.Equal(1, result.Point[0], 1e-9);
        Assert.Equal(-2, result.Point[1], 1e-9);
    }
}
