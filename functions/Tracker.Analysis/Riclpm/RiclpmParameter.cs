namespace Tracker.Analysis.Riclpm;

/// <summary>
/// One free parameter as lavaan's parameterEstimates() lists it: left-hand side, operator
/// (<c>~</c> regression, <c>~~</c> (co)variance, <c>~1</c> intercept), right-hand side, estimate and
/// standard error. Lagged paths held equal over waves appear once per wave with the same values, as in lavaan.
/// </summary>
public sealed record RiclpmParameter(string Lhs, string Op, string Rhs, double Estimate, double StandardError)
{
    /// <summary>The 95 % Wald interval, estimate ± 1.96 standard errors.</summary>
    public (double Lower, double Upper) Interval => (Estimate - 1.959963984540054 * StandardError, Estimate + 1.959963984540054 * StandardError);

    /// <summary>True when the 95 % interval excludes zero.</summary>
    public bool ClearlyNonZero => Interval.Lower > 0 || Interval.Upper < 0;
}
