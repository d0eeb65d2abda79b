using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Engine.Exports;
using Tracker.Engine.Models;
using Tracker.Engine.Panels;
using Tracker.Engine.Responses;
using Tracker.Engine.Sealing;
using Tracker.Engine.Storage;
using Tracker.Model.Models;

namespace Tracker.EndToEnd.Tests;

/// <summary>Sealed wave snapshots against Azurite: written once, equal to the table, read by exports and the model.</summary>
[Collection(StackCollection.Name)]
public sealed class SealingTests(StackFixture stack)
{
    private static readonly string[] Exports = ["long", "wide", "items"];

    private T Service<T>() where T : notnull => stack.Stack.Host.Services.GetRequiredService<T>();

    [Fact]
    public async Task An_open_wave_is_refused_with_409_and_unknown_panels_or_waves_are_404()
    {
        var panelId = await stack.PanelWithAnsweredWaveAsync([]);
        var open = await stack.Admin.PostAsync($"api/panels/{panelId}/waves/1/seal", null);
        Assert.Equal(HttpStatusCode.Conflict, open.StatusCode);
        Assert.Contains("Wave 1 is not closed yet", await open.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await Service<WaveSealer>().IsSealedAsync(panelId, 1, CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, (await stack.Admin.PostAsync($"api/panels/{panelId}/waves/3/seal", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Admin.PostAsync("api/panels/pNOSUCHPANEL/waves/1/seal", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stack.Anonymous.PostAsync($"api/panels/{panelId}/waves/1/seal", null)).StatusCode);
    }

    [Fact]
    public async Task Sealing_writes_one_blob_equal_to_the_table_and_exports_and_model_read_the_same_before_and_after()
    {
        var panelId = await stack.PanelWithOneClosedWaveAsync([]);
        var panel = (await Service<PanelRepository>().GetAsync(panelId, CancellationToken.None))!;
        var table = await ToListAsync(Service<ResponseRepository>().ListAsync(panelId, 1, CancellationToken.None));
        Assert.Equal(StackFixture.ClosedWaveParticipants, table.Count);

        var exportsBefore = await ExportsAsync(panelId);
        var modelBefore = await ModelJsonAsync(panel);

        // Four sealers at once and then the admin endpoint: one blob, one "sealed now", nobody fails.
        var sealer = Service<WaveSealer>();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => sealer.SealAsync(panel, 1, CancellationToken.None))));
        Assert.Single(outcomes, o => o.Status == SealStatus.Sealed);
        Assert.All(outcomes, o => Assert.NotEqual(SealStatus.NotClosed, o.Status));
        Assert.Equal(StackFixture.ClosedWaveParticipants, outcomes.Single(o => o.Status == SealStatus.Sealed).Rows);
        var again = await stack.Admin.PostAsync($"api/panels/{panelId}/waves/1/seal", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var body = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("sealedNow").GetBoolean());

        var container = Service<TrackerStorage>().Container(StorageNames.SealedWavesContainer);
        var blobs = new List<string>();
        await foreach (var item in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, panelId + "/", CancellationToken.None)) blobs.Add(item.Name);
        Assert.Equal([$"{panelId}/wave-0001.csv"], blobs);
        var etag = (await container.GetBlobClient(blobs[0]).GetPropertiesAsync()).Value.ETag;

        // The blob, read back, is the table row for row.
        var sealedRows = await ToListAsync((await sealer.ReadSealedAsync(panel, 1, CancellationToken.None))!);
        AssertSameRows(table, sealedRows);
        Assert.NotNull(await sealer.SealedAtAsync(panelId, 1, CancellationToken.None));
        Assert.Null(await sealer.SealedAtAsync(panelId, 2, CancellationToken.None));

        // Exports and the model read the blob now, and see exactly what they saw in the table.
        Assert.Equal(exportsBefore, await ExportsAsync(panelId));
        Assert.Equal(modelBefore, await ModelJsonAsync(panel));

        // A row changed behind the survey's back (the form refuses closed waves): a second seal keeps the blob, and readers keep the blob's answers.
        var responses = Service<TrackerStorage>().Table(StorageNames.ResponsesTable);
        var changed = table[0];
        await responses.UpdateEntityAsync(new TableEntity(ResponseEntity.Partition(panelId, 1), changed.ParticipantId) { [nameof(ResponseEntity.Revision)] = 99 }, ETag.All, TableUpdateMode.Merge);
        var third = await sealer.SealAsync(panel, 1, CancellationToken.None);
        Assert.Equal(SealStatus.AlreadySealed, third.Status);
        Assert.Equal(table.Count, third.Rows);
        Assert.Equal(etag, (await container.GetBlobClient(blobs[0]).GetPropertiesAsync()).Value.ETag);
        var read = await ToListAsync(Service<IResponseSource>().ReadWaveAsync(panelId, 1, CancellationToken.None));
        Assert.Equal(changed.Revision, read.Single(r => r.ParticipantId == changed.ParticipantId).Revision);
    }

    private static void AssertSameRows(IReadOnlyList<StoredResponse> expected, IReadOnlyList<StoredResponse> actual)
    {
        Assert.Equal(expected.Select(r => r.ParticipantId), actual.Select(r => r.ParticipantId));
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal((e.PanelId, e.Wave, e.FirstSubmittedAt, e.SubmittedAt, e.Revision), (a.PanelId, a.Wave, a.FirstSubmittedAt, a.SubmittedAt, a.Revision));
            Assert.Equal(e.Answers.OrderBy(p => p.Key, StringComparer.Ordinal), a.Answers.OrderBy(p => p.Key, StringComparer.Ordinal));
            Assert.Equal(e.Scores.OrderBy(p => p.Key, StringComparer.Ordinal), a.Scores.OrderBy(p => p.Key, StringComparer.Ordinal));
        }
    }

    private async Task<List<string>> ExportsAsync(string panelId)
    {
        var files = new List<string>();
        foreach (var format in Exports)
        {
            var response = await stack.Admin.GetAsync($"api/panels/{panelId}/export/{format}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            files.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(StackFixture.ClosedWaveParticipants + 1, files[0].Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        return files;
    }

    /// <summary>The model fitted on what the aggregation reads now, at a fixed fitting time so two fits can be compared byte for byte.</summary>
    private async Task<string> ModelJsonAsync(Panel panel)
    {
        var reading = await Service<WillingnessModelService>().ReadAsync(panel, stack.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal(StackFixture.ClosedWaveParticipants, reading.Aggregate.Responses);
        var model = WillingnessModelFitter.Fit(reading.Panel with { FittedAt = DateTimeOffset.UnixEpoch }, reading.Aggregate);
        return System.Text.Encoding.UTF8.GetString(ModelJson.SerializeToUtf8(model));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items) list.Add(item);
        return list;
    }
}
