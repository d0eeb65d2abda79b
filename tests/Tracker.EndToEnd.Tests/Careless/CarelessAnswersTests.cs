using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tracker.Analysis.Careless;
using Tracker.Engine.Exports;
using Tracker.Engine.Forms;
using Tracker.Engine.Instruments;

namespace Tracker.EndToEnd.Tests.Careless;

/// <summary>
/// Careless answers through the real stack: the form times itself, the exports flag a straight-liner and a too-fast
/// submission with the indices CarelessIndices gives on the exported answers, the codebook lists the columns, and a
/// panel that excludes flagged responses fits its model on exactly that many fewer.
/// </summary>
[Collection(StackCollection.Name)]
public sealed partial class CarelessAnswersTests(StackFixture stack)
{
    private const int Participants = 8;
    private static readonly Instrument Instrument = DefaultInstrument.Instance;
    private static readonly Item[] Items = Instrument.Items.ToArray();
    private static readonly TimeSpan Reading = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Exports_flag_the_straight_liner_and_the_too_fast_submission_and_exclusion_takes_exactly_them_out_of_the_model()
    {
        var kept = await AnsweredPanelAsync(excludeFromModels: false);
        var excluded = await AnsweredPanelAsync(excludeFromModels: true);

        var items = await GetCsvAsync(kept, "items");
        var header = items[0];
        Assert.Equal([.. ExportColumns.ItemsCsv(Instrument).Select(c => c.Name)], header);
        Assert.Equal(["participant_id", "wave", "days", "submitted_at"], header[..4]);
        Assert.Equal(CarelessColumns.For(CarelessThresholds.Default).Select(c => c.Name), header[(4 + Items.Length)..]);
        var rows = items.Skip(1).ToList();
        Assert.Equal(Participants, rows.Count);

        // The indices on the exported answers, computed here: long string, IRV and D² on the answers as given,
        // even–odd on the reverse-keyed answers, the time as the form recorded it.
        var constructs = Instrument.Constructs.SelectMany(c => c.Items.Select(_ => c.Id)).ToArray();
        var given = rows.Select(r => new CarelessResponse(
            r[4..(4 + Items.Length)].Select(v => (double?)double.Parse(v, CultureInfo.InvariantCulture)).ToArray(),
            double.Parse(Cell(header, r, CarelessColumns.SecondsToSubmit), CultureInfo.InvariantCulture))).ToList();
        var expected = CarelessIndices.Score(constructs, given);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            Assert.Equal(expected[i].LongString.ToString(CultureInfo.InvariantCulture), Cell(header, row, CarelessColumns.LongString));
            Assert.Equal(expected[i].Irv!.Value, Number(header, row, CarelessColumns.Irv), 12);
            Assert.Equal("", Cell(header, row, CarelessColumns.MahalanobisD2));  // 8 responses, 27 items: no covariance to measure against
            var keyed = given[i].Answers.Select((a, j) => Items[j].Reversed ? Instrument.Scale.Min + Instrument.Scale.Max - a : a).ToArray();
            var r = CarelessIndices.EvenOddCorrelation(constructs, keyed);
            if (r is { } value) Assert.Equal(2 * value / (1 + value), Number(header, row, CarelessColumns.EvenOdd), 12);
            else Assert.Equal("", Cell(header, row, CarelessColumns.EvenOdd));
        }

        var flagged = rows.Where(r => Cell(header, r, CarelessColumns.Flagged) == "1").ToList();
        Assert.Equal(2, flagged.Count);
        var straight = Assert.Single(flagged, r => Cell(header, r, CarelessColumns.LongString) == Items.Length.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("longstring;irv", Cell(header, straight, CarelessColumns.Flags));
        Assert.Equal(0, Number(header, straight, CarelessColumns.Irv));
        var fast = Assert.Single(flagged, r => r != straight);
        Assert.Equal("seconds_to_submit", Cell(header, fast, CarelessColumns.Flags));
        Assert.Equal(0, Number(header, fast, CarelessColumns.SecondsToSubmit));
        Assert.All(rows.Except(flagged), r => Assert.Equal(Reading.TotalSeconds, Number(header, r, CarelessColumns.SecondsToSubmit)));

        // The long export carries the same flags for the same participants.
        var longCsv = await GetCsvAsync(kept, "long");
        Assert.Equal([.. ExportColumns.LongCsv(Instrument).Select(c => c.Name)], longCsv[0]);
        Assert.Equal(
            flagged.Select(r => r[0]).Order(StringComparer.Ordinal),
            longCsv.Skip(1).Where(r => Cell(longCsv[0], r, CarelessColumns.Flagged) == "1").Select(r => r[0]).Order(StringComparer.Ordinal));

        var codebook = await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{kept}/export/codebook");
        var files = codebook.GetProperty("files");
        foreach (var file in new[] { "long.csv", "items.csv" })
        {
            var names = files.GetProperty(file).EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
            Assert.Contains(CarelessColumns.Flagged, names);
            Assert.Contains(CarelessColumns.SecondsToSubmit, names);
        }

        var markdown = await stack.Admin.GetStringAsync($"api/panels/{kept}/export/codebook.md");
        Assert.Contains("`careless_mahalanobis_p`", markdown, StringComparison.Ordinal);
        Assert.Contains("0.001", markdown, StringComparison.Ordinal);  // the threshold the column flags at

        // Wave 1 closes and is sealed (which fits the model): the flags survive the sealed snapshot.
        stack.Clock.Advance(TimeSpan.FromDays(6));
        var keptModel = await SealAndReadModelAsync(kept);
        var excludedModel = await SealAndReadModelAsync(excluded);
        Assert.Equal(2, keptModel.GetProperty("careless_flagged").GetInt32());
        Assert.False(keptModel.TryGetProperty("careless_excluded", out _));
        Assert.Equal(2, excludedModel.GetProperty("careless_flagged").GetInt32());
        Assert.Equal(2, excludedModel.GetProperty("careless_excluded").GetInt32());
        Assert.Equal(OutcomeN(keptModel) - 2, OutcomeN(excludedModel));
        Assert.Equal(Participants, OutcomeN(keptModel));
        // Left out of the models, still answers to the wave.
        Assert.Equal(Participants, excludedModel.GetProperty("waves")[0].GetProperty("responded").GetInt32());

        var sealedItems = await GetCsvAsync(kept, "items");
        Assert.Equal(items, sealedItems);
    }

    [Fact]
    public async Task Bad_thresholds_are_a_400_naming_each_json_path()
    {
        var response = await stack.Admin.PostAsJsonAsync("api/panels", new
        {
            name = "Careless thresholds",
            instrument = "default",
            schedule = new { start = stack.Clock.GetUtcNow(), waves = 2, interval = "P7D", window = "P5D" },
            careless = new { thresholds = new { longStringShare = 1.5, mahalanobisPValue = "0.01", minimumSecondsPerItem = -1 }, excludeFromModels = "yes" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("careless.thresholds.longStringShare: the long-string threshold is a share of the items", body, StringComparison.Ordinal);
        Assert.Contains("careless.thresholds.mahalanobisPValue: write the number without quotes", body, StringComparison.Ordinal);
        Assert.Contains("careless.thresholds.minimumSecondsPerItem:", body, StringComparison.Ordinal);
        Assert.Contains("careless.excludeFromModels: must be true or false", body, StringComparison.Ordinal);

        var misspelt = await stack.Admin.PostAsJsonAsync("api/panels", new
        {
            name = "Careless thresholds",
            instrument = "default",
            schedule = new { start = stack.Clock.GetUtcNow(), waves = 2, interval = "P7D", window = "P5D" },
            careless = new { thresholds = new { minimumIRV = 0.5 } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, misspelt.StatusCode);
        Assert.Contains("careless.thresholds.minimumIRV: property names are case-sensitive; write 'minimumIrv'", await misspelt.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Eight participants open their wave-1 form; ten minutes later six answer consistently (each construct at its
    /// own level, reverse-keyed items reversed) and one straight-lines; the eighth opens the form after that and
    /// submits at once (and later edits the answers at leisure).
    /// </summary>
    private async Task<string> AnsweredPanelAsync(bool excludeFromModels)
    {
        var created = await stack.Admin.PostAsJsonAsync("api/panels", new
        {
            name = "Careless answers",
            instrument = "default",
            schedule = new { start = stack.Clock.GetUtcNow(), waves = 2, interval = "P7D", window = "P5D" },
            careless = new { excludeFromModels },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var panelId = (await created.Content.ReadFromJsonAsync<StackFixture.CreatedPanel>())!.Id;
        var emails = StackFixture.Emails(Participants);
        await stack.ImportAsync(panelId, "email\n" + string.Join('\n', emails));
        Assert.Equal(HttpStatusCode.Accepted, (await stack.Admin.PostAsync($"api/panels/{panelId}/waves/1/dispatch", null)).StatusCode);
        var links = await stack.LinksForAsync(emails, wave: 1);

        var stamps = new Dictionary<string, string>();
        foreach (var email in emails[..^1]) stamps[email] = await OpenFormAsync(links[email]);
        stack.Clock.Advance(Reading);
        for (var p = 0; p < Participants - 2; p++) await SubmitAsync(links[emails[p]], stamps[emails[p]], Consistent(p));
        await SubmitAsync(links[emails[^2]], stamps[emails[^2]], Items.Select(_ => 4).ToArray());
        await SubmitAsync(links[emails[^1]], await OpenFormAsync(links[emails[^1]]), Consistent(Participants - 1));

        // An edit keeps the first submission's time: the fast one comes back, takes ten minutes and saves again.
        var again = await OpenFormAsync(links[emails[^1]]);
        stack.Clock.Advance(Reading);
        await SubmitAsync(links[emails[^1]], again, Consistent(Participants - 1));
        return panelId;
    }

    private static int[] Consistent(int participant)
    {
        var scale = Instrument.Scale;
        return Instrument.Constructs.SelectMany((c, ci) => c.Items.Select(item =>
        {
            var level = scale.Min + (participant + 3 * ci) % (scale.Max - scale.Min + 1);
            return item.Reversed ? scale.Min + scale.Max - level : level;
        })).ToArray();
    }

    private async Task<string> OpenFormAsync(string link)
    {
        var page = await stack.Anonymous.GetStringAsync(link);
        var stamp = StampPattern().Match(page);
        Assert.True(stamp.Success, "the form carries no opened-at stamp");
        return stamp.Groups[1].Value;
    }

    private async Task SubmitAsync(string link, string stamp, int[] answers)
    {
        using var form = new FormUrlEncodedContent([
            .. Items.Select((item, i) => new KeyValuePair<string, string>(item.Id, answers[i].ToString(CultureInfo.InvariantCulture))),
            new(FormOpening.FieldName, stamp),
        ]);
        Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.PostAsync(link, form)).StatusCode);
    }

    private async Task<JsonElement> SealAndReadModelAsync(string panelId)
    {
        Assert.Equal(HttpStatusCode.OK, (await stack.Admin.PostAsync($"api/panels/{panelId}/waves/1/seal", null)).StatusCode);
        return await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/model");
    }

    private static int OutcomeN(JsonElement model) =>
        model.GetProperty("analysis").GetProperty("descriptives").GetProperty("willingness").EnumerateArray().Single(w => w.GetProperty("wave").GetInt32() == 1).GetProperty("n").GetInt32();

    private async Task<List<string[]>> GetCsvAsync(string panelId, string format)
    {
        var response = await stack.Admin.GetAsync($"api/panels/{panelId}/export/{format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return text.TrimEnd('\r', '\n').Split("\r\n").Select(line => line.Split(',')).ToList();
    }

    private static string Cell(string[] header, string[] row, string column) => row[Array.IndexOf(header, column)];

    private static double Number(string[] header, string[] row, string column) => double.Parse(Cell(header, row, column), CultureInfo.InvariantCulture);

    [GeneratedRegex("name=\"_opened\" value=\"([A-Za-z0-9_\\-\\.]+)\"")]
    private static partial Regex StampPattern();
}
