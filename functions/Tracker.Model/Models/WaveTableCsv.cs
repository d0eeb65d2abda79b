using System.Globalization;
using System.Text;

namespace Tracker.Model.Models;

/// <summary>The per-wave table as CSV (one row per wave; counts, response rate, and mean/SD/CI/n of every score): aggregates only.</summary>
public static class WaveTableCsv
{
    public static string Write(ModelDocument model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var scores = model.Analysis.Descriptives.Keys.ToList();
        var header = new List<string> { "wave", "state", "opens_at", "closes_at", "days", "invited", "responded", "response_rate" };
        foreach (var score in scores) header.AddRange([$"{score}_n", $"{score}_mean", $"{score}_sd", $"{score}_ci_lower", $"{score}_ci_upper"]);
        var csv = new StringBuilder().AppendJoin(',', header).Append('\n');
        foreach (var wave in model.Waves)
        {
            var cells = new List<string>
            {
                Num(wave.Wave), wave.State, wave.OpensAt.ToString("O", CultureInfo.InvariantCulture), wave.ClosesAt.ToString("O", CultureInfo.InvariantCulture),
                Num(wave.Days), Num(wave.Invited), Num(wave.Responded), Num(wave.ResponseRate),
            };
            foreach (var score in scores)
            {
                var stat = model.Analysis.Descriptives[score].FirstOrDefault(s => s.Wave == wave.Wave);
                cells.AddRange(stat is null ? ["0", "", "", "", ""] : [Num(stat.N), Num(stat.Mean), Num(stat.Sd), Num(stat.CiLower), Num(stat.CiUpper)]);
            }

            csv.AppendJoin(',', cells).Append('\n');
        }

        return csv.ToString();
    }

    private static string Num(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);
}
