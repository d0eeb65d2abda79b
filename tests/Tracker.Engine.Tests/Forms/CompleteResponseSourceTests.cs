using Tracker.Engine.Models;
using Tracker.Engine.Responses;
using Tracker.Engine.Tests.Exports;

namespace Tracker.Engine.Tests.Forms;

public sealed class CompleteResponseSourceTests
{
    private static readonly List<StoredResponse> Responses =
    [
        ExportSamples.Response("aaaaaaaaaaaaaaaa", 1, 4, TimeSpan.Zero),
        ExportSamples.Response("bbbbbbbbbbbbbbbb", 1, 4, TimeSpan.Zero) with { Complete = false },
        ExportSamples.Response("cccccccccccccccc", 1, 4, TimeSpan.Zero),
    ];

    [Fact]
    public async Task Partial_responses_are_left_out_and_counted_once_however_often_the_wave_is_read()
    {
        var source = new CompleteResponseSource(new InMemoryResponseSource(Responses), includePartial: false);

        Assert.Equal(["aaaaaaaaaaaaaaaa", "cccccccccccccccc"], await IdsAsync(source));
        Assert.Equal(["aaaaaaaaaaaaaaaa", "cccccccccccccccc"], await IdsAsync(source));
        Assert.Equal(1, source.Excluded);
    }

    [Fact]
    public async Task A_panel_that_includes_partial_responses_gets_them_all()
    {
        var source = new CompleteResponseSource(new InMemoryResponseSource(Responses), includePartial: true);

        Assert.Equal(3, (await IdsAsync(source)).Count);
        Assert.Equal(0, source.Excluded);
    }

    private static async Task<List<string>> IdsAsync(CompleteResponseSource source)
    {
        var ids = new List<string>();
        await foreach (var response in source.ReadWaveAsync("pABCDEFGHJKL", 1, CancellationToken.None)) ids.Add(response.ParticipantId);
        return ids;
    }
}
