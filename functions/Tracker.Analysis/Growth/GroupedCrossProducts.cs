using Tracker.Analysis.Data;
using Tracker.Analysis.Formula;

namespace Tracker.Analysis.Growth;

/// <summary>
/// The sufficient statistics of a linear mixed model with one grouping factor: per group Z'Z, Z'X, Z'y
/// and overall X'X, X'y, y'y. Accumulated in one pass over the rows, so each REML deviance evaluation
/// afterwards costs O(groups), not O(rows) — the reason Tracker can beat lme4's general sparse code.
/// Random-effect columns are divided by their root mean square (ZScales): the deviance is invariant to
/// that rescaling, but the optimiser then sees θ of order one whatever the unit of time.
/// </summary>
internal sealed class GroupedCrossProducts
{
    public required int Observations { get; init; }
    public required int Groups { get; init; }
    public required int P { get; init; }
    public required int Q { get; init; }
    public required double[] ZScales { get; init; }

    /// <summary>Per group, q×q row-major.</summary>
    public required double[] ZtZ { get; init; }

    /// <summary>Per group, q×p row-major.</summary>
    public required double[] ZtX { get; init; }

    /// <summary>Per group, q.</summary>
    public required double[] Zty { get; init; }

    public required double[] XtX { get; init; }
    public required double[] Xty { get; init; }
    public required double Yty { get; init; }
    public required double ResponseMin { get; init; }
    public required double ResponseMax { get; init; }

    public static GroupedCrossProducts Build(LongTable table, ModelFormula formula)
    {
        var y = table.Numbers(formula.Response);
        var fixedColumns = formula.FixedTerms.Select(t => t.Variables.Select(table.Numbers).ToArray()).ToArray();
        var slopeColumns = formula.Random.Slopes.Select(table.Numbers).ToArray();
        var groupColumn = table.Column(formula.Random.Group);
        var groups = GroupIndex.Build(groupColumn);

        var n = table.RowCount;
        var keep = new bool[n];
        var intercept = formula.Intercept ? 1 : 0;
        var p = intercept + fixedColumns.Length;
        var q = formula.Random.Size;
        var randomIntercept = formula.Random.Intercept ? 1 : 0;

        // lme4 drops incomplete rows (na.omit); groups are renumbered over the rows that remain.
        var codes = new int[n];
        var denseCode = new int[groups.Count];
        Array.Fill(denseCode, -1);
        var groupCount = 0;
        var observations = 0;
        var scales = new double[q];
        for (var i = 0; i < n; i++)
        {
            var complete = groups.Codes[i] >= 0 && !double.IsNaN(y[i]);
            for (var k = 0; complete && k < fixedColumns.Length; k++)
                foreach (var column in fixedColumns[k]) complete &= !double.IsNaN(column[i]);
            foreach (var column in slopeColumns) complete &= !double.IsNaN(column[i]);
            keep[i] = complete;
            if (!complete) continue;
            observations++;
            ref var code = ref denseCode[groups.Codes[i]];
            if (code < 0) code = groupCount++;
            codes[i] = code;
            for (var k = 0; k < slopeColumns.Length; k++) scales[randomIntercept + k] += slopeColumns[k][i] * slopeColumns[k][i];
        }
        if (randomIntercept == 1) scales[0] = 1;
        for (var k = 0; k < slopeColumns.Length; k++)
        {
            var rms = Math.Sqrt(scales[randomIntercept + k] / Math.Max(observations, 1));
            if (!(rms > 0))
                throw new UnidentifiableModelException($"the random slope '{formula.Random.Slopes[k]}' is zero in every row: it cannot vary by '{formula.Random.Group}'");
            scales[randomIntercept + k] = rms;
        }

        var ztz = new double[groupCount * q * q];
        var ztx = new double[groupCount * q * p];
        var zty = new double[groupCount * q];
        var xtx = new double[p * p];
        var xty = new double[p];
        double yty = 0, yMin = double.PositiveInfinity, yMax = double.NegativeInfinity;
        Span<double> x = stackalloc double[p];
        Span<double> z = stackalloc double[q];
        for (var i = 0; i < n; i++)
        {
            if (!keep[i]) continue;
            if (intercept == 1) x[0] = 1;
            for (var k = 0; k < fixedColumns.Length; k++)
            {
                var product = 1.0;
                foreach (var column in fixedColumns[k]) product *= column[i];
                x[intercept + k] = product;
            }
            if (randomIntercept == 1) z[0] = 1;
            for (var k = 0; k < slopeColumns.Length; k++) z[randomIntercept + k] = slopeColumns[k][i] / scales[randomIntercept + k];
            var yi = y[i];
            yty += yi * yi;
            yMin = Math.Min(yMin, yi);
            yMax = Math.Max(yMax, yi);
            for (var a = 0; a < p; a++)
            {
                xty[a] += x[a] * yi;
                for (var b = 0; b <= a; b++) xtx[a * p + b] += x[a] * x[b];
            }
            var g = codes[i];
            for (var a = 0; a < q; a++)
            {
                zty[g * q + a] += z[a] * yi;
                for (var b = 0; b <= a; b++) ztz[(g * q + a) * q + b] += z[a] * z[b];
                for (var b = 0; b < p; b++) ztx[(g * q + a) * p + b] += z[a] * x[b];
            }
        }
        for (var a = 0; a < p; a++)
            for (var b = a + 1; b < p; b++) xtx[a * p + b] = xtx[b * p + a];
        for (var g = 0; g < groupCount; g++)
            for (var a = 0; a < q; a++)
                for (var b = a + 1; b < q; b++) ztz[(g * q + a) * q + b] = ztz[(g * q + b) * q + a];

        return new GroupedCrossProducts
        {
            Observations = observations,
            Groups = groupCount,
            P = p,
            Q = q,
            ZScales = scales,
            ZtZ = ztz,
            ZtX = ztx,
            Zty = zty,
            XtX = xtx,
            Xty = xty,
            Yty = yty,
            ResponseMin = yMin,
            ResponseMax = yMax,
        };
    }
}
