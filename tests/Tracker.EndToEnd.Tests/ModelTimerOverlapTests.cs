using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Engine.Instruments;
using Tracker.Engine.Links;
using Tracker.Engine.Models;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Storage;

namespace Tracker.EndToEnd.Tests;

/// <summary>
/// FitWillingnessModel fired twice and overlapping (the host's timer and a manual run, plus direct passes through the
/// service as a second instance would make): one model version, the latest counts every response, and a repeat with
/// nothing new stores nothing. (SendTrendSummaries' overlap is covered in <see cref="SummaryTests"/>.)
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ModelTimerOverlapTests(StackFixture stack)
{
    private const int Participants = 6;

    [Fact]
    public async Task Overlapping_model_runs_store_one_model_that_counts_every_response_and_a_repeat_changes_nothing()
    {
        var panelId = await stack.CreatePanelAsync(waves: 2);
        await stack.ImportAsync(panelId, "email\n" + string.Join('\n', StackFixture.Emails(Participants + 1)));
        var services = stack.Stack.Host.Services;
        var ids = (await services.GetRequiredService<ParticipantRepository>().ListAsync(panelId, CancellationToken.None)).Select(p => p.Id).ToList();
        foreach (var id in ids.Take(Participants))
        {
            await AnswerAsync(panelId, id, 5);
        }

        var panel = (await services.GetRequiredService<PanelRepository>().GetAsync(panelId, CancellationToken.None))!;
        var models = services.GetRequiredService<WillingnessModelService>();
        await OverlappingRunsAsync(models, panel);
        var first = await LatestAsync(panelId);
        Assert.Equal(Participants, first.GetProperty("waves")[0].GetProperty("responded").GetInt32());
        Assert.Single(await VersionsAsync(panelId));

        // Nothing new: another run stores nothing.
        Assert.False((await models.FitIfStaleAsync(panel, CancellationToken.None)).Fitted);

        // One more answer, a minute later, and the overlapping runs again: the new latest counts it, once.
        stack.Clock.Advance(TimeSpan.FromMinutes(1));
        await AnswerAsync(panelId, ids[Participants], 3);
        await OverlappingRunsAsync(models, panel);
        var second = await LatestAsync(panelId);
        Assert.Equal(Participants + 1, second.GetProperty("waves")[0].GetProperty("responded").GetInt32());
        Assert.Equal(2, (await VersionsAsync(panelId)).Count);
    }

    private async Task OverlappingRunsAsync(WillingnessModelService models, Panel panel) =>
        await Task.WhenAll(
            stack.Stack.Host.InvokeAsync("FitWillingnessModel"),
            stack.Stack.Host.InvokeAsync("FitWillingnessModel"),
            Task.Run(() => models.FitIfStaleAsync(panel, CancellationToken.None)),
            Task.Run(() => models.FitIfStaleAsync(panel, CancellationToken.None)));

    private async Task AnswerAsync(string panelId, string participantId, int value)
    {
        var signer = stack.Stack.Host.Services.GetRequiredService<LinkSigner>();
        var token = signer.Sign(new LinkToken(panelId, participantId, 1, stack.Clock.GetUtcNow().AddDays(30)));
        using var form = new FormUrlEncodedContent(DefaultInstrument.Instance.Items.Select(i => new KeyValuePair<string, string>(i.Id, value.ToString(CultureInfo.InvariantCulture))));
        using var response = await stack.Anonymous.PostAsync($"api/r/{token}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<JsonElement> LatestAsync(string panelId) =>
        await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/model");

    /// <summary>The stored model versions (timestamped JSON beside latest.json).</summary>
    private async Task<List<string>> VersionsAsync(string panelId)
    {
        var container = new BlobContainerClient(stack.Stack.StorageConnectionString, StorageNames.ModelsContainer);
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, panelId + "/", CancellationToken.None))
        {
            if (blob.Name.EndsWith(".json", StringComparison.Ordinal) && !blob.Name.EndsWith("/" + ModelStore.LatestJson, StringComparison.Ordinal))
            {
                names.Add(blob.Name);
            }
        }

        return names;
    }
}
