namespace Tracker.Model.Aggregation;

/// <summary>
/// One closed wave's share of the narrow model table, in the table's row order, each array exactly the wave's length:
/// held per wave rather than in growing lists, because at millions of responses each doubling of a list copies the
/// column and leaves up to half its capacity unused. The wave number is the same for every row, so it is not stored.
/// </summary>
/// <param name="Outcome">Null when the wave had no outcome column (every row is missing).</param>
/// <param name="Covariate">Null when the wave had no covariate column (every row is missing).</param>
internal sealed record WaveColumns(int Wave, int[] Codes, double[] Days, double[]? Outcome, double[]? Covariate)
{
    public int Count => Codes.Length;
}
