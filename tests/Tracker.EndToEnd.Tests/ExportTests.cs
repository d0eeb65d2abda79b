using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Tracker.Engine.Instruments;

namespace Tracker.EndToEnd.Tests;

/// <summary>The export endpoints against real Azurite: answers submitted through emailed links come out in every format.</summary>
[Collection(StackCollection.Name)]
public sealed class ExportTests(StackFixture stack)
{
    private static readonly IReadOnlyList<Item> Items = DefaultInstrument.Instance.Items.ToList();

    private static readonly string[] CarelessHeader = ["careless_longstring", "careless_irv", "careless_mahalanobis_d2", "careless_mahalanobis_p", "careless_even_odd", "seconds_to_submit", "careless_flags", "careless_flagged"];

    [Fact]
    public async Task Long_wide_and_items_exports_hold_the_submitted_answers_with_days_from_each_participants_first_wave()
    {
        var (panelId, emails) = await PanelWithTwoAnsweredWavesAsync();

        var longCsv = await GetCsvAsync(panelId, "long");
        Assert.Equal(["participant_id", "wave", "days", "submitted_at", .. DefaultInstrument.Instance.Constructs.Select(c => c.Id), .. CarelessHeader, "complete"], longCsv[0]);
        Assert.Equal(1 + 3, longCsv.Count);  // two answered wave 1, one of them also wave 2
        var wave2 = longCsv.Single(r => r[1] == "2");
        Assert.Equal(7.0, double.Parse(wave2[2], CultureInfo.InvariantCulture), 3);
        Assert.All(longCsv.Skip(1).Where(r => r[1] == "1"), r => Assert.Equal("0", r[2]));
        Assert.All(longCsv.Skip(1), r => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", r[3]));
        Assert.DoesNotContain(longCsv.SelectMany(r => r), cell => emails.Any(e => cell.Contains(e, StringComparison.OrdinalIgnoreCase)));

        var wide = await GetCsvAsync(panelId, "wide");
        Assert.Equal(1 + 3, wide.Count);  // every enrolled participant, answered or not
        Assert.Equal(1 + 3 * (2 + 9) + 3, wide[0].Length);  // and complete_w1..3 at the end
        Assert.Equal(["complete_w1", "complete_w2", "complete_w3"], wide[0][^3..]);

        var items = await GetCsvAsync(panelId, "items");
        Assert.Equal(4 + Items.Count + CarelessHeader.Length, items[0].Length);
        Assert.Contains(items.Skip(1), r => r[4..(4 + Items.Count)].All(v => v == "6"));
    }

    [Fact]
    public async Task Codebook_comes_as_json_and_markdown_and_the_bundle_as_a_zip_with_the_R_script()
    {
        var (panelId, _) = await PanelWithTwoAnsweredWavesAsync();

        var codebook = await stack.Admin.GetAsync($"api/panels/{panelId}/export/codebook");
        Assert.Equal("application/json", codebook.Content.Headers.ContentType!.MediaType);
        using (var json = JsonDocument.Parse(await codebook.Content.ReadAsStringAsync()))
        {
            Assert.Equal(panelId, json.RootElement.GetProperty("panel").GetProperty("id").GetString());
            Assert.Equal(9, json.RootElement.GetProperty("instrument").GetProperty("constructs").GetArrayLength());
        }

        var markdown = await stack.Admin.GetStringAsync($"api/panels/{panelId}/export/codebook.md");
        Assert.Contains("## Columns of `long.csv`", markdown, StringComparison.Ordinal);

        var bundle = await stack.Admin.GetAsync($"api/panels/{panelId}/export/bundle");
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal("application/zip", bundle.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"{panelId}-bundle.zip", bundle.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        using var zip = new ZipArchive(await bundle.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        Assert.Equal(["long.csv", "codebook.json", "codebook.md", "analysis.R", "tracker_results.json"], zip.Entries.Select(e => e.FullName));
        using var reader = new StreamReader(zip.GetEntry("long.csv")!.Open());
        Assert.StartsWith("participant_id,wave,days,submitted_at,", await reader.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_export_requests_get_clear_4xx_answers()
    {
        var panelId = await stack.CreatePanelAsync();

        var unknownFormat = await stack.Admin.GetAsync($"api/panels/{panelId}/export/sav");
        Assert.Equal(HttpStatusCode.BadRequest, unknownFormat.StatusCode);
        Assert.Contains("long, wide, items, codebook, codebook.md, bundle", await unknownFormat.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Admin.GetAsync("api/panels/pNOSUCHPANEL/export/long")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stack.Anonymous.GetAsync($"api/panels/{panelId}/export/long")).StatusCode);

        // A panel without answers exports a header and no rows.
        var empty = await GetCsvAsync(panelId, "long");
        Assert.Single(empty);
    }

    private async Task<List<string[]>> GetCsvAsync(string panelId, string format)
    {
        var response = await stack.Admin.GetAsync($"api/panels/{panelId}/export/{format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var text = await response.Content.ReadAsStringAsync();
        return text.TrimEnd('\r', '\n').Split("\r\n").Select(line => line.Split(',')).ToList();
    }

    /// <summary>Three participants; two answer wave 1, a week later one of them answers wave 2.</summary>
    private async Task<(string PanelId, string[] Emails)> PanelWithTwoAnsweredWavesAsync()
    {
        var panelId = await stack.CreatePanelAsync(waves: 3, interval: "P7D", window: "P5D");
        var emails = StackFixture.Emails(3);
        await stack.ImportAsync(panelId, "email\n" + string.Join('\n', emails));

        Assert.Equal(HttpStatusCode.Accepted, (await stack.Admin.PostAsync($"api/panels/{panelId}/waves/1/dispatch", null)).StatusCode);
        var wave1 = await stack.LinksForAsync(emails, wave: 1);
        Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.PostAsync(wave1[emails[0]], Answers(6))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.PostAsync(wave1[emails[1]], Answers(5))).StatusCode);

        stack.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(HttpStatusCode.Accepted, (await stack.Admin.PostAsync($"api/panels/{panelId}/waves/2/dispatch", null)).StatusCode);
        var wave2 = await stack.LinksForAsync(emails, wave: 2);
        Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.PostAsync(wave2[emails[0]], Answers(4))).StatusCode);
        return (panelId, emails);
    }

    private static FormUrlEncodedContent Answers(int value) =>
        new(Items.Select(i => new KeyValuePair<string, string>(i.Id, value.ToString(CultureInfo.InvariantCulture))));
}
