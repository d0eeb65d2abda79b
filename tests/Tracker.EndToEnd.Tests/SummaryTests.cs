using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Tracker.Engine.Summaries;

namespace Tracker.EndToEnd.Tests;

/// <summary>Issue 5 end to end: the model timer, the model endpoint, the summary timer's once-per-recipient ledger, the email and its rendering.</summary>
[Collection(StackCollection.Name)]
public sealed partial class SummaryTests(StackFixture stack)
{
    private const int Participants = StackFixture.ClosedWaveParticipants;

    [Fact]
    public async Task Model_then_one_summary_per_stakeholder_however_often_and_concurrently_the_timer_runs()
    {
        var stakeholders = StackFixture.Emails(2);
        var panelId = await stack.PanelWithOneClosedWaveAsync(stakeholders);

        var missing = await stack.Admin.GetAsync($"api/panels/{panelId}/model");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("no fitted model yet", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await stack.Stack.Host.InvokeAsync("FitWillingnessModel");
        var model = await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/model");
        Assert.Equal(panelId, model.GetProperty("panel_id").GetString());
        var wave1 = model.GetProperty("waves")[0];
        Assert.Equal(Participants, wave1.GetProperty("responded").GetInt32());
        Assert.Equal(Participants, wave1.GetProperty("invited").GetInt32());
        Assert.Equal("closed", wave1.GetProperty("state").GetString());
        Assert.Equal(Participants, model.GetProperty("analysis").GetProperty("descriptives").GetProperty("willingness")[0].GetProperty("n").GetInt32());
        Assert.DoesNotContain("@", model.GetRawText(), StringComparison.Ordinal);

        // Repeated runs, then concurrent passes straight through the service (the host serialises its own timer runs).
        await stack.Stack.Host.InvokeAsync("SendTrendSummaries");
        await stack.Stack.Host.InvokeAsync("SendTrendSummaries");
        var service = stack.Stack.Host.Services.GetRequiredService<TrendSummaryService>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => service.SendDueAsync(CancellationToken.None))));
        await stack.Stack.Host.InvokeAsync("SendTrendSummaries");

        var wanted = new HashSet<string>(stakeholders, StringComparer.OrdinalIgnoreCase);
        await stack.Inbox.WaitForMessagesAsync(all => all.Count(m => m.To.Any(wanted.Contains)) >= 2, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var received = (await stack.Inbox.ListMessagesAsync()).Where(m => m.To.Any(wanted.Contains)).ToList();
        foreach (var email in stakeholders)
        {
            var mine = Assert.Single(received, m => m.To.Contains(email, StringComparer.OrdinalIgnoreCase));
            Assert.Contains("trend summary, after wave 1 of 2", mine.Subject, StringComparison.Ordinal);
        }

        var raw = await stack.Inbox.GetRawAsync(received[0].Id);
        using var message = await MimeMessage.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));
        Assert.Matches(@"^<http://127\.0\.0\.1:\d+/api/summary/unsubscribe/[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+>, <mailto:", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("What the models say", message.TextBody ?? "", StringComparison.Ordinal);
        var images = message.BodyParts.OfType<MimePart>().Where(p => p.ContentType.MimeType == "image/png").ToList();
        Assert.Equal(3, images.Count);
        foreach (var image in images) Assert.Contains($"cid:{image.ContentId}", message.HtmlBody, StringComparison.Ordinal);

        // The mean the email quotes is the stored model's.
        var mean = model.GetProperty("analysis").GetProperty("descriptives").GetProperty("willingness")[0].GetProperty("mean").GetDouble();
        Assert.Contains(Tracker.Model.Findings.Numbers.Fixed(mean, 2), message.TextBody, StringComparison.Ordinal);

        if (File.Exists(ChromiumPath)) await AssertRendersWithImagesAsync(message);
    }

    [Fact]
    public async Task Preview_returns_html_with_the_charts_inlined_and_unknown_panels_are_404()
    {
        var panelId = await stack.PanelWithOneClosedWaveAsync(StackFixture.Emails(1));
        var preview = await stack.Admin.GetAsync($"api/panels/{panelId}/summary/preview");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("text/html", preview.Content.Headers.ContentType!.MediaType);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Equal(3, DataImage().Count(html));

        Assert.Equal(HttpStatusCode.NotFound, (await stack.Admin.GetAsync("api/panels/pNOSUCHPANEL/summary/preview")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Admin.GetAsync("api/panels/pNOSUCHPANEL/model")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stack.Anonymous.GetAsync($"api/panels/{panelId}/model")).StatusCode);
    }

    [Fact]
    public async Task Invalid_stakeholders_and_cell_sizes_are_refused_with_every_problem()
    {
        var response = await stack.Admin.PostAsJsonAsync("api/panels", new
        {
            name = "Bad stakeholders",
            instrument = "default",
            stakeholders = new[] { "not-an-email", "a@example.org", "A@example.org" },
            minimumCellSize = 1,
            schedule = new { start = stack.Clock.GetUtcNow(), waves = 2, interval = "P7D", window = "P5D" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("stakeholders[0]: is not an email address", body, StringComparison.Ordinal);
        Assert.Contains("stakeholders[2]: is listed twice", body, StringComparison.Ordinal);
        Assert.Contains("minimumCellSize: must be from 3", body, StringComparison.Ordinal);
    }

    private const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Headless Chromium opens the email's HTML with its CID images resolved to the attached parts; every image must load at 720 px.</summary>
    private static async Task AssertRendersWithImagesAsync(MimeMessage message)
    {
        var folder = Directory.CreateTempSubdirectory("tracker-summary-");
        try
        {
            var html = message.HtmlBody!;
            foreach (var part in message.BodyParts.OfType<MimePart>().Where(p => p.ContentId is not null))
            {
                var file = Path.Combine(folder.FullName, part.FileName ?? part.ContentId + ".png");
                await using (var output = File.Create(file)) await part.Content!.DecodeToAsync(output);
                html = html.Replace($"cid:{part.ContentId}", Path.GetFileName(file), StringComparison.Ordinal);
            }

            // After load, record each image's decoded width where --dump-dom will print it.
            html = html.Replace("</body>", "<script>window.addEventListener('load', () => document.body.setAttribute('data-widths', [...document.images].map(i => i.naturalWidth).join(',')));</script></body>", StringComparison.Ordinal);
            var page = Path.Combine(folder.FullName, "summary.html");
            await File.WriteAllTextAsync(page, html);

            var start = new ProcessStartInfo(ChromiumPath) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files", "--virtual-time-budget=5000", "--window-size=390,2000", "--dump-dom", new Uri(page).ToString() })
            {
                start.ArgumentList.Add(argument);
            }

            using var chromium = Process.Start(start)!;
            var stderr = chromium.StandardError.ReadToEndAsync();
            var dom = await chromium.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await chromium.WaitForExitAsync(timeout.Token);
            var widths = Widths().Match(dom);
            Assert.True(widths.Success, $"no data-widths in Chromium's DOM; stderr: {await stderr}");
            Assert.Equal("720,720,720", widths.Groups[1].Value);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [GeneratedRegex("src=\"data:image/png;base64,")]
    private static partial Regex DataImage();

    [GeneratedRegex("data-widths=\"([0-9,]*)\"")]
    private static partial Regex Widths();
}
