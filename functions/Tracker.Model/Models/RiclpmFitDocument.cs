using Tracker.Analysis.Riclpm;

namespace Tracker.Model.Models;

/// <summary>An RI-CLPM's global fit under the names lavaan's <c>fitMeasures()</c> gives them; a non-finite value is null.</summary>
public sealed record RiclpmFitDocument(double? Logl, int Npar, double? Chisq, int Df, double? Cfi, double? Rmsea, int Ntotal)
{
    public static RiclpmFitDocument From(RiclpmFitMeasures fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return new RiclpmFitDocument(
            ModelDocumentFactory.N(fit.LogLikelihood),
            fit.Parameters,
            ModelDocumentFactory.N(fit.ChiSquare),
            fit.DegreesOfFreedom,
            ModelDocumentFactory.N(fit.Cfi),
            ModelDocumentFactory.N(fit.Rmsea),
            fit.Participants);
    }
}
