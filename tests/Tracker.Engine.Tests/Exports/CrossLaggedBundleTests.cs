using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Tracker.Analysis.Data;
using Tracker.Analysis.Riclpm;
using Tracker.Engine.Exports;
using Tracker.Engine.Responses;

namespace Tracker.Engine.Tests.Exports;

/// <summary>
/// The bundle's cross-lagged paths: tracker_results.json holds the RI-CLPM of each mechanism with willingness over the
/// closed waves, fitted on the very rows of long.csv (refitted here from the CSV text), and analysis.R fits the same
/// model with lavaan. Set TRACKER_BUNDLE_OUT to a file path to keep the zip and run its analysis.R by hand.
/// </summary>
public sealed class CrossLaggedBundleTests
{
    private static readonly string[] Mechanisms = ["ownership", "value", "identification"];

    [Fact]
    public async Task The_bundle_carries_the_cross_lagged_paths_of_the_rows_it_exports()
    {
        var panel = ExportSamples.Panel(waves: 4);
        var now = ExportSamples.Start.AddDays(40);
        using var zipped = new MemoryStream();
        await BundleWriter.WriteAsync(new InMemoryResponseSource(Responses()), panel, zipped, now, CancellationToken.None);
        if (Environment.GetEnvironmentVariable("TRACKER_BUNDLE_OUT") is { Length: > 0 } keep) await File.WriteAllBytesAsync(keep, zipped.ToArray());
        zipped.Position = 0;
        using var zip = new ZipArchive(zipped, ZipArchiveMode.Read);

        using var results = JsonDocument.Parse(Read(zip, "tracker_results.json"));
        var fits = results.RootElement.GetProperty("cross_lagged_paths").EnumerateArray().ToList();
        Assert.Equal(Mechanisms, fits.Select(f => f.GetProperty("constructs")[0].GetString()));
        var long_ = LongTable(Read(zip, "long.csv"));
        foreach (var fit in fits)
        {
            Assert.True(fit.GetProperty("identified").GetBoolean(), fit.ToString());
            Assert.Equal([1, 2, 3, 4], fit.GetProperty("waves").EnumerateArray().Select(w => w.GetInt32()));
            var x = fit.GetProperty("constructs")[0].GetString()!;
            var refit = RiclpmModel.Fit(long_, new RiclpmSpecification([x, "willingness"]));
            Assert.True(refit.Identified, refit.Problem);
            var stored = fit.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("op").GetString() == "~").ToList();
            Assert.Equal(refit.LaggedPaths.Count(), stored.Count);
            foreach (var path in refit.LaggedPaths)
            {
                var match = stored.Single(p => p.GetProperty("lhs").GetString() == path.Lhs && p.GetProperty("rhs").GetString() == path.Rhs);
                // Tracker keeps the scores as float; the CSV holds them to three decimals, as the simulation made them.
                Assert.Equal(path.Estimate, match.GetProperty("est").GetDouble(), 1e-4);
                Assert.Equal(path.StandardError, match.GetProperty("se").GetDouble(), 1e-4);
            }
        }

        var script = Read(zip, "analysis.R");
        Assert.Contains("lavaan::lavaan(riclpm_syntax(cs, ws), data = wide, missing = \"ml\", meanstructure = TRUE,", script, StringComparison.Ordinal);
        Assert.Contains("tracker$cross_lagged_paths", script, StringComparison.Ordinal);
    }

    /// <summary>200 participants over 4 waves: stable levels, within-person carry-over and ownership → next-wave willingness; scores to three decimals.</summary>
    private static List<StoredResponse> Responses()
    {
        var random = new Random(5);
        var responses = new List<StoredResponse>();
        string[] constructs = ["willingness", .. Mechanisms];
        for (var p = 0; p < 200; p++)
        {
            var level = constructs.ToDictionary(c => c, _ => 0.6 * Normal(random));
            var within = constructs.ToDictionary(c => c, _ => Normal(random));
            for (var wave = 1; wave <= 4; wave++)
            {
                if (wave > 1)
                {
                    var previous = new Dictionary<string, double>(within);
                    foreach (var c in constructs) within[c] = 0.3 * previous[c] + 0.8 * Normal(random);
                    within["willingness"] += 0.4 * previous["ownership"];
                }

                if (wave > 1 && random.NextDouble() < 0.1) continue;
                var response = ExportSamples.Response($"p{p:D15}", wave, 4, TimeSpan.FromHours(1 + random.NextDouble() * 24));
                var scores = response.Scores.ToDictionary(s => s.Key, s => s.Value);
                foreach (var c in constructs) scores[c] = Math.Round(4 + level[c] + within[c], 3);
                responses.Add(response with { Scores = scores });
            }
        }

        return responses;
    }

    private static LongTable LongTable(string csv)
    {
        var rows = ExportSamples.ReadCsv(csv);
        var header = rows[0];
        var body = rows.Skip(1).ToList();
        var columns = new List<TableColumn>
        {
            TableColumn.FromTexts("participant_id", body.Select(r => (string?)r[Array.IndexOf(header, "participant_id")]).ToArray()),
        };
        foreach (var name in (string[])["wave", "willingness", .. Mechanisms])
        {
            var at = Array.IndexOf(header, name);
            columns.Add(TableColumn.FromNumbers(name, body.Select(r => r[at].Length == 0 ? double.NaN : double.Parse(r[at], CultureInfo.InvariantCulture)).ToArray()));
        }

        return new LongTable(columns);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
