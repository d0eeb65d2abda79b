using System.Globalization;
using System.Text;

namespace Tracker.Cli.Bench;

/// <summary>
/// A simulated two-construct panel for the RI-CLPM benchmark: stable person differences (random
/// intercepts) plus within-person change with cross-lagged effects, 12 % dropping out after each
/// wave and 5 % of scores skipped; written as the long CSV `tracker analyze` reads.
/// </summary>
public static class RiclpmPanelSimulation
{
    public static readonly string[] Constructs = ["ownership", "willingness"];

    /// <summary>Writes the long CSV and returns how many rows it has.</summary>
    public static int WriteLongCsv(string path, int participants, int waves, int seed)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.WriteLine("participant_id,wave,days,ownership,willingness");
        var rows = 0;
        for (var i = 0; i < participants; i++)
        {
            var ri0 = 0.7 * Normal(random);
            var ri1 = 0.35 * ri0 + 0.6 * Normal(random);
            var w0 = 0.7 * Normal(random);
            var w1 = 0.2 * w0 + 0.65 * Normal(random);
            for (var k = 1; k <= waves; k++)
            {
                if (k > 1)
                {
                    if (random.NextDouble() < 0.12) break;
                    (w0, w1) = (0.35 * w0 + 0.10 * w1 + 0.6 * Normal(random), 0.20 * w0 + 0.30 * w1 + 0.6 * Normal(random));
                }
                var own = random.NextDouble() < 0.05 ? "" : Format(3.4 + ri0 + w0);
                var will = random.NextDouble() < 0.05 ? "" : Format(4.1 + ri1 + w1);
                if (own.Length == 0 && will.Length == 0) continue;
                writer.Write("p");
                writer.Write(i.ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(k.ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(((k - 1) * 30 + random.Next(0, 7)).ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(own);
                writer.Write(',');
                writer.WriteLine(will);
                rows++;
            }
        }
        return rows;
    }

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
