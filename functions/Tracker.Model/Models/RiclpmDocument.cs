using System.Text.Json.Serialization;
using Tracker.Analysis.Riclpm;

namespace Tracker.Model.Models;

/// <summary>
/// One RI-CLPM fit as <c>tracker analyze --json</c> prints it and the stored model keeps it: the constructs and waves
/// it used, whether it was identified (with the reason when not), lavaan's fit measures and every free parameter with
/// lavaan's names and operators.
/// </summary>
public sealed record RiclpmDocument(
    IReadOnlyList<string> Constructs,
    IReadOnlyList<int> Waves,
    bool EqualLaggedPaths,
    bool Identified,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RiclpmFitDocument? Fit,
    IReadOnlyList<RiclpmParameterDocument> Parameters)
{
    public static RiclpmDocument From(RiclpmFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return new RiclpmDocument(
            fit.Constructs,
            fit.Waves,
            fit.EqualLaggedPaths,
            fit.Identified,
            fit.Problem,
            fit.Fit is { } measures ? RiclpmFitDocument.From(measures) : null,
            [.. fit.Parameters.Select(RiclpmParameterDocument.From)]);
    }
}
