using Tracker.Analysis.Riclpm;

namespace Tracker.Model.Models;

/// <summary>One free parameter as lavaan's <c>parameterEstimates()</c> lists it (<c>=~</c>, <c>~</c>, <c>~~</c>, <c>~1</c>).</summary>
public sealed record RiclpmParameterDocument(string Lhs, string Op, string Rhs, double? Est, double? Se)
{
    /// <summary>The 95% Wald interval (est ± 1.96 SE), kept so the summary prints only numbers of the stored model.</summary>
    public double? CiLower { get; init; }

    public double? CiUpper { get; init; }

    public static RiclpmParameterDocument From(RiclpmParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var (lower, upper) = parameter.Interval;
        return new RiclpmParameterDocument(
            parameter.Lhs, parameter.Op, parameter.Rhs,
            ModelDocumentFactory.N(parameter.Estimate), ModelDocumentFactory.N(parameter.StandardError))
        {
            CiLower = ModelDocumentFactory.N(lower),
            CiUpper = ModelDocumentFactory.N(upper),
        };
    }
}
