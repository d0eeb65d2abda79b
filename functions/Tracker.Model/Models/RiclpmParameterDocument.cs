using Tracker.Analysis.Riclpm;

namespace Tracker.Model.Models;

/// <summary>One free parameter as lavaan's <c>parameterEstimates()</c> lists it (<c>=~</c>, <c>~</c>, <c>~~</c>, <c>~1</c>).</summary>
public sealed record RiclpmParameterDocument(string Lhs, string Op, string Rhs, double? Est, double? Se)
{
    public static RiclpmParameterDocument From(RiclpmParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return new RiclpmParameterDocument(
            parameter.Lhs, parameter.Op, parameter.Rhs,
            ModelDocumentFactory.N(parameter.Estimate), ModelDocumentFactory.N(parameter.StandardError));
    }
}
