// A C# twin of tests/Tracker.Analysis.Tests/Reference/make_example_panel.R for machines without R:
// the same model (willingness decaying towards a plateau, attrition, skipped waves), another RNG.
// Usage: dotnet run bench/generate_panel.cs -- OUTPUT.csv [participants] [waves] [seed]
using System.Globalization;

var output = args[0];
var n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 250;
var waves = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 6;
var random = new Random(args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 42);
double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
var cc = Enumerable.Range(0, n).Select(_ => Math.Round(Normal(), 4)).ToArray();
var u0 = Enumerable.Range(0, n).Select(_ => 0.7 * Normal()).ToArray();
var alive = Enumerable.Repeat(true, n).ToArray();
var rows = new List<(int Id, int Wave, double Days, double Y, double Cc)>();
for (var w = 1; w <= waves; w++)
{
    for (var i = 0; i < n; i++)
    {
        var days = Math.Round((w - 1) * 21 + random.NextDouble() * 4, 2);
        var y = Math.Round(Math.Clamp(3.4 + u0[i] + (1.9 + 0.4 * cc[i]) * Math.Exp(-0.035 * days) + 0.5 * Normal(), 1, 7), 4);
        if (w > 1) alive[i] &= random.NextDouble() > 1 / (1 + Math.Exp(2.6 + 0.3 * cc[i]));
        if (alive[i] && random.NextDouble() > 0.1) rows.Add((i + 1, w, days, y, cc[i]));
    }
}
using var writer = new StreamWriter(output);
writer.WriteLine("participant_id,wave,days,willingness,cc");
foreach (var r in rows.OrderBy(r => r.Id).ThenBy(r => r.Wave))
    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"x{r.Id:D6},{r.Wave},{r.Days},{r.Y},{r.Cc}"));
