using System.Globalization;
using Tracker.Analysis.Careless;

namespace Tracker.Engine.Exports;

/// <summary>
/// The careless-answer columns appended to the long and items exports: each index of the row's response, computed at
/// export time over the responses of its wave, and which of them flag it under the panel's thresholds.
/// Definitions and sources: docs/analysis.md ("Careless answers").
/// </summary>
public static class CarelessColumns
{
    public const string LongString = "careless_longstring";
    public const string Irv = "careless_irv";
    public const string MahalanobisD2 = "careless_mahalanobis_d2";
    public const string MahalanobisP = "careless_mahalanobis_p";
    public const string EvenOdd = "careless_even_odd";
    public const string SecondsToSubmit = "seconds_to_submit";
    public const string Flags = "careless_flags";
    public const string Flagged = "careless_flagged";

    /// <summary>How each flag is spelt in <see cref="Flags"/>: the name of the column that raised it.</summary>
    public static readonly IReadOnlyList<(CarelessFlags Flag, string Name)> FlagNames =
    [
        (CarelessFlags.LongString, "longstring"),
        (CarelessFlags.LowVariability, "irv"),
        (CarelessFlags.Outlier, "mahalanobis"),
        (CarelessFlags.Inconsistent, "even_odd"),
        (CarelessFlags.TooFast, "seconds_to_submit"),
    ];

    public static IReadOnlyList<ExportColumn> For(CarelessThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        const string wave = "computed at export time over this row's wave";
        return
        [
            new(LongString, "integer", $"long-string index: longest run of identical consecutive answers in item order, as given (Johnson 2005; Curran 2016); flags longstring at ≥ {F(thresholds.LongStringShare)} × the number of items"),
            new(Irv, "number", $"intra-individual response variability: SD (n − 1) of the answers as given; empty below 2 answers (Dunn et al. 2018); flags irv at ≤ {F(thresholds.MinimumIrv)}"),
            new(MahalanobisD2, "number", $"Mahalanobis D² of the answers from the wave's mean with the wave's covariance, both over the responses that answered every item, {wave}; empty when the wave has no more complete responses than items (Meade & Craig 2012)"),
            new(MahalanobisP, "number", $"upper-tail χ² p of D² with the answered items as degrees of freedom; flags mahalanobis at p < {F(thresholds.MahalanobisPValue)}"),
            new(EvenOdd, "number", $"even–odd consistency: Spearman–Brown corrected r, across constructs, of the reverse-keyed odd- and even-positioned item means; -Inf at r = −1; empty with fewer than {CarelessIndices.MinimumEvenOddConstructs} usable constructs (Johnson 2005); flags even_odd below {F(thresholds.MinimumEvenOdd)}"),
            new(SecondsToSubmit, "number", $"seconds from the form being served to the first submission, recorded by the form; an edit keeps the first value; empty when not recorded (Huang et al. 2012); flags seconds_to_submit below {F(thresholds.MinimumSecondsPerItem)} s × the number of items"),
            new(Flags, "string", "the indices that flag this response, separated by ';' (longstring, irv, mahalanobis, even_odd, seconds_to_submit); empty when none; thresholds are the panel's (careless.thresholds)"),
            new(Flagged, "integer", "1 when any index flags the response, else 0; with careless.excludeFromModels on, such responses are left out of the models"),
        ];
    }

    /// <summary>The cells of <see cref="For"/>, in order; all empty for a row whose response was not in the scoring pass (it arrived between the two reads of an open wave).</summary>
    public static IEnumerable<string> Cells(CarelessScores? scores)
    {
        if (scores is null)
        {
            for (var i = 0; i < 8; i++) yield return string.Empty;
            yield break;
        }

        yield return CsvCells.Number(scores.LongString);
        yield return CsvCells.Number(scores.Irv);
        yield return CsvCells.Number(scores.Mahalanobis);
        yield return CsvCells.Number(scores.MahalanobisP);
        yield return scores.EvenOdd is double.NegativeInfinity ? "-Inf" : CsvCells.Number(scores.EvenOdd);
        yield return CsvCells.Number(scores.SecondsToSubmit);
        yield return string.Join(';', FlagNames.Where(f => scores.Flags.HasFlag(f.Flag)).Select(f => f.Name));
        yield return scores.Flagged ? "1" : "0";
    }

    private static string F(double value) => value.ToString(CultureInfo.InvariantCulture);
}
