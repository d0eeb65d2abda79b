using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tracker.Engine.Instruments;

namespace Tracker.EndToEnd.Tests;

/// <summary>The model exists as soon as a wave is sealed, not only after the next daily model run.</summary>
[Collection(StackCollection.Name)]
public sealed class ModelAfterSealTests(StackFixture stack)
{
    private async Task<string> PanelWithAnsweredFirstWaveAsync()
    {
        var panelId = await stack.CreatePanelAsync(waves: 2, interval: "P7D", window: "P5D");
        var emails = StackFixture.Emails(3);
        await stack.ImportAsync(panelId, "email\n" + string.Join('\n', emails));
        Assert.Equal(HttpStatusCode.Accepted, (await stack.Admin.PostAsync($"api/panels/{panelId}/waves/1/dispatch", null)).StatusCode);
        var links = await stack.LinksForAsync(emails, wave: 1);
        var value = 4;
        foreach (var email in emails)
        {
            Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.PostAsync(links[email], Answers(value++))).StatusCode);
        }

        // Past wave 1's close (5 days) and before wave 2 opens (7 days); no model run has happened.
        stack.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Admin.GetAsync($"api/panels/{panelId}/model")).StatusCode);
        return panelId;
    }

    [Fact]
    public async Task The_sealing_timer_fits_the_model_of_a_panel_whose_wave_it_sealed()
    {
        var panelId = await PanelWithAnsweredFirstWaveAsync();

        await stack.Stack.Host.InvokeAsync("SealClosedWaves");

        await AssertModelOfWaveOneAsync(panelId);
    }

    [Fact]
    public async Task Sealing_through_the_admin_route_fits_the_model_too()
    {
        var panelId = await PanelWithAnsweredFirstWaveAsync();

        Assert.Equal(HttpStatusCode.OK, (await stack.Admin.PostAsync($"api/panels/{panelId}/waves/1/seal", null)).StatusCode);

        await AssertModelOfWaveOneAsync(panelId);
    }

    private async Task AssertModelOfWaveOneAsync(string panelId)
    {
        var response = await stack.Admin.GetAsync($"api/panels/{panelId}/model");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var model = await response.Content.ReadFromJsonAsync<JsonElement>();
        var wave1 = model.GetProperty("waves").EnumerateArray().Single(w => w.GetProperty("wave").GetInt32() == 1);
        // Fitted after the close: wave 1 is closed in the model, with the three invited and the three who answered.
        Assert.Equal("closed", wave1.GetProperty("state").GetString());
        Assert.Equal((3, 3), (wave1.GetProperty("invited").GetInt32(), wave1.GetProperty("responded").GetInt32()));
    }

    private static FormUrlEncodedContent Answers(int value) =>
        new(DefaultInstrument.Instance.Items.Select(i => new KeyValuePair<string, string>(i.Id, value.ToString(CultureInfo.InvariantCulture))));
}
