using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tracker.Engine.Exports;
using Tracker.Engine.Instruments;
using Tracker.Model.Models;

namespace Tracker.Engine.Tests.Exports;

public sealed partial class CodebookAndBundleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_json_codebook_has_constructs_wording_reverse_keys_labels_columns_and_the_schedule()
    {
        var panel = ExportSamples.Panel(waves: 4);
        using var stream = new MemoryStream();
        await CodebookJsonWriter.WriteAsync(Codebook.For(panel, Now), stream, CancellationToken.None);
        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;

        var constructs = root.GetProperty("instrument").GetProperty("constructs");
        Assert.Equal(9, constructs.GetArrayLength());
        var ugc3 = constructs[0].GetProperty("items")[2];
        Assert.Equal("ugc_3", ugc3.GetProperty("id").GetString());
        Assert.True(ugc3.GetProperty("reversed").GetBoolean());
        Assert.Equal(DefaultInstrument.Instance.Constructs[0].Items[2].Text, ugc3.GetProperty("text").GetString());
        var labels = root.GetProperty("instrument").GetProperty("scale").GetProperty("labels");
        Assert.Equal(7, labels.GetArrayLength());
        Assert.Equal("Strongly agree", labels[6].GetProperty("label").GetString());
        Assert.Equal(4, root.GetProperty("schedule").GetProperty("waveWindows").GetArrayLength());
        Assert.Equal("P7D", root.GetProperty("schedule").GetProperty("interval").GetString());
        var longColumns = root.GetProperty("files").GetProperty("long.csv").EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("type").GetString())).ToList();
        Assert.Equal(("days", "number"), longColumns[2]);
        Assert.Equal(("submitted_at", "datetime"), longColumns[3]);
        Assert.Equal("willingness ~ days + (days | participant_id)", root.GetProperty("growthFormula").GetString());
    }

    [Fact]
    public void The_markdown_codebook_lists_every_item_and_escapes_table_breaking_text()
    {
        var instrument = DefaultInstrument.Instance with
        {
            Constructs = [new Construct("willingness", "Willingness | to go on", "outcome", [new Item("willingness_1", "I <b>will</b>\ngo on | yes", false), new Item("willingness_2", "I stop", true)])],
        };
        var markdown = CodebookMarkdownWriter.Render(Codebook.For(ExportSamples.Panel(instrument: instrument), Now));

        Assert.Contains("| `willingness_1` | I &lt;b>will&lt;/b> go on \\| yes | no |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `willingness_2` | I stop | yes |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 7 | Strongly agree |", markdown, StringComparison.Ordinal);
        Assert.Contains("## Columns of `long.csv`", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bundle_holds_the_long_export_codebook_script_and_trackers_numbers()
    {
        using var zip = await DecayingBundleAsync();

        Assert.Equal(["long.csv", "codebook.json", "codebook.md", "analysis.R", "tracker_results.json"], zip.Entries.Select(e => e.FullName));
        var longCsv = Read(zip, "long.csv");
        Assert.Equal(1 + 30 * 4, ExportSamples.ReadCsv(longCsv).Count);

        using var results = JsonDocument.Parse(Read(zip, "tracker_results.json"));
        var growth = results.RootElement.GetProperty("growth");
        Assert.Equal("willingness ~ days + (days | participant_id)", growth.GetProperty("formula").GetString());
        Assert.Equal(120, growth.GetProperty("n_obs").GetInt32());
        Assert.True(growth.GetProperty("fixed").GetProperty("days").GetProperty("estimate").GetDouble() < 0);
        var decay = results.RootElement.GetProperty("decay");
        Assert.True(decay.GetProperty("converged").GetBoolean(), decay.ToString());
        Assert.InRange(decay.GetProperty("plateau").GetProperty("estimate").GetDouble(), 2.5, 4.5);
    }

    [Fact]
    public async Task Tracker_results_keys_its_sections_as_analyze_json_does_with_nulls_kept_and_no_intervals()
    {
        using var zip = await DecayingBundleAsync();
        using var results = JsonDocument.Parse(Read(zip, "tracker_results.json"));
        var root = results.RootElement;

        // The bundle's waves are closed, so the cross-lagged paths fitted on its rows come last, keyed as analyze keys them.
        Assert.Equal(["outcome", "growth", "decay", "cross_lagged_paths"], Keys(root));
        Assert.All(root.GetProperty("cross_lagged_paths").EnumerateArray(), fit =>
            Assert.All(fit.GetProperty("parameters").EnumerateArray(), parameter => Assert.Equal(["lhs", "op", "rhs", "est", "se"], Keys(parameter))));
        var growth = root.GetProperty("growth");
        Assert.Equal(["formula", "n_obs", "n_groups", "reml_criterion", "fixed", "random", "converged", "singular", "message"], Keys(growth));
        Assert.All(growth.GetProperty("fixed").EnumerateObject(), effect => Assert.Equal(["estimate", "se", "t"], Keys(effect.Value)));
        var decay = root.GetProperty("decay");
        Assert.Equal(["plateau", "initial", "rate", "half_life", "rss", "sigma", "n", "converged", "message"], Keys(decay));
        Assert.Equal(["estimate", "se"], Keys(decay.GetProperty("half_life")));
        Assert.Equal(JsonValueKind.Null, decay.GetProperty("message").ValueKind);
    }

    [Fact]
    public async Task The_R_scripts_formulas_and_columns_match_the_long_export()
    {
        using var zip = await DecayingBundleAsync();
        var script = Read(zip, "analysis.R");
        var header = ExportSamples.ReadCsv(Read(zip, "long.csv"))[0];

        Assert.Contains("read.csv(\"long.csv\"", script, StringComparison.Ordinal);
        Assert.Contains("lmer(willingness ~ days + (days | participant_id), data = d, REML = TRUE", script, StringComparison.Ordinal);
        Assert.Contains("nls(willingness ~ SSasymp(days, plateau, initial, lrc), data = d)", script, StringComparison.Ordinal);
        // Every column the script reads with d$name exists in the export.
        var used = DollarColumn().Matches(script).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(used);
        Assert.All(used, column => Assert.Contains(column, header));
        // Every variable named in the model formulas is an export column.
        foreach (var formula in new[] { WillingnessFormula.Growth("willingness"), "willingness ~ days" })
        {
            var variables = Regex.Matches(formula, "[a-z_]+").Select(m => m.Value);
            Assert.All(variables, v => Assert.Contains(v, header));
        }

        Assert.Contains("tracker_results.json", script, StringComparison.Ordinal);
        Assert.Contains("reml_criterion", script, StringComparison.Ordinal);
        Assert.Contains("half_life", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bundle_streams_to_a_forward_only_response_body_without_synchronous_writes()
    {
        var (panel, source) = DecayingPanel();
        var body = new AsyncOnlyStream();
        await BundleWriter.WriteAsync(source, panel, body, Now, CancellationToken.None);
        body.Inner.Position = 0;
        using var zip = new ZipArchive(body.Inner, ZipArchiveMode.Read);
        Assert.Equal(5, zip.Entries.Count);
    }

    [Fact]
    public async Task A_panel_without_answers_still_exports_a_bundle_that_says_there_is_nothing_to_model()
    {
        var panel = ExportSamples.Panel();
        using var zipped = new MemoryStream();
        await BundleWriter.WriteAsync(new InMemoryResponseSource([]), panel, zipped, Now, CancellationToken.None);
        zipped.Position = 0;
        using var zip = new ZipArchive(zipped, ZipArchiveMode.Read);
        using var results = JsonDocument.Parse(Read(zip, "tracker_results.json"));
        Assert.False(results.RootElement.GetProperty("growth").GetProperty("converged").GetBoolean());
        Assert.False(results.RootElement.GetProperty("decay").GetProperty("converged").GetBoolean());
        Assert.Equal(["formula", "converged", "message"], Keys(results.RootElement.GetProperty("growth")));
        Assert.Equal(["converged", "message"], Keys(results.RootElement.GetProperty("decay")));
        Assert.Equal("no answers to model yet", results.RootElement.GetProperty("decay").GetProperty("message").GetString());
    }

    private static async Task<ZipArchive> DecayingBundleAsync()
    {
        var (panel, source) = DecayingPanel();
        var zipped = new MemoryStream();
        await BundleWriter.WriteAsync(source, panel, zipped, Now, CancellationToken.None);
        zipped.Position = 0;
        return new ZipArchive(zipped, ZipArchiveMode.Read);
    }

    private static string[] Keys(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    /// <summary>30 participants over 4 weekly waves whose willingness falls from about 6 towards 3.5, with individual offsets.</summary>
    internal static (Tracker.Engine.Panels.Panel, InMemoryResponseSource) DecayingPanel()
    {
        var panel = ExportSamples.Panel(waves: 4);
        var random = new Random(7);
        var responses = new List<Tracker.Engine.Responses.StoredResponse>();
        for (var p = 0; p < 30; p++)
        {
            var offset = random.NextDouble() - 0.5;
            for (var wave = 1; wave <= 4; wave++)
            {
                var days = (wave - 1) * 7 + random.NextDouble() * 2;
                var level = 3.5 + 2.5 * Math.Exp(-days / 8) + offset + (random.NextDouble() - 0.5) * 0.6;
                var response = ExportSamples.Response($"p{p:D15}", wave, 4, TimeSpan.FromDays(random.NextDouble() * 2));
                var scores = response.Scores.ToDictionary(s => s.Key, s => s.Value);
                scores["willingness"] = Math.Round(Math.Clamp(level, 1, 7), 3);
                responses.Add(response with { Scores = scores });
            }
        }

        return (panel, new InMemoryResponseSource(responses));
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\bd\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex DollarColumn();
}
