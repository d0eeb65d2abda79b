using System.Globalization;
using System.Text.Json;
using Tracker.Analysis.Careless;
using Tracker.Engine.Careless;
using Tracker.Engine.Exports;
using Tracker.Engine.Instruments;
using Tracker.Engine.Models;
using Tracker.Engine.Panels;
using Tracker.Engine.Responses;
using Tracker.Engine.Scoring;
using Tracker.Engine.Tests.Exports;

namespace Tracker.Engine.Tests.Careless;

/// <summary>The careless-answer indices as the product uses them: the panel's settings, the export columns and the model's filter.</summary>
public sealed class CarelessInExportsTests
{
    private static readonly Instrument Instrument = DefaultInstrument.Instance;
    private static readonly Item[] Items = Instrument.Items.ToArray();
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static Validation Read(string careless)
    {
        using var document = JsonDocument.Parse($$"""{"name":"P","instrument":"default","schedule":{"start":"2026-12-01T09:00:00Z","waves":3,"interval":"P7D","window":"P5D"},"careless":{{careless}}}""");
        var problems = new List<string>();
        var definition = PanelDefinitionReader.Read(document.RootElement, problems);
        var validation = PanelDefinitionValidator.Validate(definition, "pabc", Now, problems);
        return new Validation(validation.Value, validation.Problems);
    }

    private sealed record Validation(Panel? Panel, IReadOnlyList<string> Problems);

    [Fact]
    public void A_definition_overrides_the_thresholds_it_names_and_keeps_the_literature_defaults_for_the_rest()
    {
        var read = Read("""{"thresholds":{"minimumIrv":0.5,"minimumSecondsPerItem":1},"excludeFromModels":true}""");

        Assert.Empty(read.Problems);
        Assert.Equal(CarelessThresholds.Default with { MinimumIrv = 0.5, MinimumSecondsPerItem = 1 }, read.Panel!.Careless.Thresholds);
        Assert.True(read.Panel.Careless.ExcludeFromModels);
        Assert.Equal(CarelessSettings.Default, Read("{}").Panel!.Careless);
    }

    [Fact]
    public void Every_bad_threshold_is_named_by_its_json_path()
    {
        var read = Read("""{"thresholds":{"longStringShare":0,"minimumEvenOdd":2,"mahalanobisPValue":"x","speed":1},"excludeFromModels":1}""");

        Assert.Null(read.Panel);
        Assert.Equal(
            ["careless.excludeFromModels", "careless.thresholds.speed", "careless.thresholds.mahalanobisPValue", "careless.thresholds.longStringShare", "careless.thresholds.minimumEvenOdd"],
            read.Problems.Select(p => p[..p.IndexOf(": ", StringComparison.Ordinal)]).ToArray());
        Assert.Contains(read.Problems, p => p.StartsWith("careless.thresholds.speed: is not a property of the careless-answer thresholds", StringComparison.Ordinal));
    }

    [Fact]
    public void Even_odd_reads_reverse_keyed_answers_so_a_consistent_answerer_with_reversed_items_is_not_flagged()
    {
        var consistent = Consistent(level: c => 2 + c % 5);
        var scores = WaveCarelessness.Score(Instrument, CarelessThresholds.Default, [new CarelessResponse(consistent.Select(v => (double?)v).ToArray(), 300)]);

        Assert.Equal(1, scores[0].EvenOdd!.Value, 12);
        Assert.Equal(CarelessFlags.None, scores[0].Flags);
        // On the answers as given the reversed items pull the halves apart: the unkeyed index would misjudge this person.
        var constructs = Instrument.Constructs.SelectMany(c => c.Items.Select(_ => c.Id)).ToArray();
        Assert.NotEqual(1, CarelessIndices.EvenOddCorrelation(constructs, consistent.Select(v => (double?)v).ToArray()) ?? 1, 6);
    }

    [Fact]
    public async Task The_items_export_appends_the_indices_and_flags_a_straight_liner_and_a_fast_submission()
    {
        var panel = ExportSamples.Panel(waves: 1);
        var source = new InMemoryResponseSource([
            Response("aaaaaaaaaaaaaaaa", Consistent(c => 1 + c % 7), seconds: 400),
            Response("bbbbbbbbbbbbbbbb", Items.Select(_ => 5).ToArray(), seconds: 400),
            Response("cccccccccccccccc", Consistent(c => 1 + (c + 2) % 7), seconds: 20),
            Response("dddddddddddddddd", Consistent(c => 1 + (c + 4) % 7), seconds: null),
        ]);

        await using var writer = new StringWriter();
        await ItemsExportWriter.WriteAsync(source, panel, writer, CancellationToken.None);
        var rows = ExportSamples.ReadCsv(writer.ToString());
        var header = rows[0];
        string Cell(int row, string column) => rows[row][Array.IndexOf(header, column)];

        Assert.Equal(ExportColumns.ItemsCsv(Instrument, panel.Careless.Thresholds).Select(c => c.Name), header);
        Assert.Equal(("0", "", "400", "0"), (Cell(1, CarelessColumns.Flagged), Cell(1, CarelessColumns.Flags), Cell(1, CarelessColumns.SecondsToSubmit), Cell(2, CarelessColumns.Irv)));
        Assert.Equal(("1", "longstring;irv", "27"), (Cell(2, CarelessColumns.Flagged), Cell(2, CarelessColumns.Flags), Cell(2, CarelessColumns.LongString)));
        // 20 s for 27 items is under the 2 s per item of Huang et al.
        Assert.Equal(("1", "seconds_to_submit"), (Cell(3, CarelessColumns.Flagged), Cell(3, CarelessColumns.Flags)));
        Assert.Equal(("0", ""), (Cell(4, CarelessColumns.Flagged), Cell(4, CarelessColumns.SecondsToSubmit)));
        // Four responses and 27 items: no covariance to measure a distance with.
        Assert.All(rows.Skip(1), r => Assert.Equal("", r[Array.IndexOf(header, CarelessColumns.MahalanobisD2)]));
        var irv = double.Parse(Cell(1, CarelessColumns.Irv), CultureInfo.InvariantCulture);
        Assert.Equal(CarelessIndices.Irv(Consistent(c => 1 + c % 7).Select(v => (double?)v).ToArray())!.Value, irv, 12);
    }

    [Fact]
    public async Task The_model_filter_counts_flagged_responses_and_leaves_them_out_only_when_the_panel_says_so()
    {
        StoredResponse[] wave =
        [
            Response("aaaaaaaaaaaaaaaa", Consistent(c => 1 + c % 7), seconds: 400),
            Response("bbbbbbbbbbbbbbbb", Items.Select(_ => 5).ToArray(), seconds: 400),
            Response("cccccccccccccccc", Consistent(c => 1 + (c + 2) % 7), seconds: 20),
        ];
        var source = new InMemoryResponseSource(wave);
        var keeping = new CarelessFilter(ExportSamples.Panel(waves: 1));
        var excluding = new CarelessFilter(ExportSamples.Panel(waves: 1) with { Careless = CarelessSettings.Default with { ExcludeFromModels = true } });

        var kept = await keeping.ReadWaveAsync(source, 1, CancellationToken.None).Select(r => r.ParticipantId).ToListAsync();
        var left = await excluding.ReadWaveAsync(source, 1, CancellationToken.None).Select(r => r.ParticipantId).ToListAsync();

        Assert.Equal(["aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb", "cccccccccccccccc"], kept);
        Assert.Equal((2, 0), (keeping.Flagged, keeping.Excluded));
        Assert.Equal(["aaaaaaaaaaaaaaaa"], left);
        Assert.Equal((2, 2, 2), (excluding.Flagged, excluding.Excluded, excluding.ExcludedIn(1)));
    }

    /// <summary>Every construct answered at its own level, reverse-keyed items reversed, as an attentive person would.</summary>
    private static int[] Consistent(Func<int, int> level) =>
        Instrument.Constructs.SelectMany((c, ci) => c.Items.Select(item => item.Reversed ? Instrument.Scale.Min + Instrument.Scale.Max - level(ci) : level(ci))).ToArray();

    private static StoredResponse Response(string participant, int[] answers, double? seconds)
    {
        var byItem = Items.Select((item, i) => (item.Id, answers[i])).ToDictionary(p => p.Id, p => p.Item2);
        var at = ExportSamples.Start.AddHours(1);
        return new StoredResponse("pABCDEFGHJKL", 1, participant, byItem, ConstructScorer.Score(Instrument, byItem), at, at, 1, seconds);
    }
}
