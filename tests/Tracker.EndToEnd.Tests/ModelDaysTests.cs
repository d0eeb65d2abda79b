using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tracker.Engine.Instruments;

namespace Tracker.EndToEnd.Tests;

/// <summary>The model and the exports share one time variable: days since the participant's first answered wave.</summary>
[Collection(StackCollection.Name)]
public sealed class ModelDaysTests(StackFixture stack)
{
    [Fact]
    public async Task The_models_wave_days_are_the_means_of_the_exports_days()
    {
        var panelId = await stack.CreatePanelAsync(waves: 3, interval: "P7D", window: "P5D");
        var emails = StackFixture.Emails(3);
        await stack.ImportAsync(panelId, "email\n" + string.Join('\n', emails));

        Assert.Equal(HttpStatusCode.Accepted, (await stack.Admin.PostAsync($"api/panels/{panelId}/waves/1/dispatch", null)).StatusCode);
        var wave1 = await stack.LinksForAsync(emails, wave: 1);
        Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.PostAsync(wave1[emails[0]], Answers(6))).StatusCode);
        stack.Clock.Advance(TimeSpan.FromHours(30));
        Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.PostAsync(wave1[emails[1]], Answers(5))).StatusCode);

        // emails[2] skips wave 1, so wave 2 is their first answered wave: days 0 there, unlike the others.
        stack.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(HttpStatusCode.Accepted, (await stack.Admin.PostAsync($"api/panels/{panelId}/waves/2/dispatch", null)).StatusCode);
        var wave2 = await stack.LinksForAsync(emails, wave: 2);
        foreach (var email in emails)
        {
            Assert.Equal(HttpStatusCode.OK, (await stack.Anonymous.PostAsync(wave2[email], Answers(4))).StatusCode);
        }

        await stack.Stack.Host.InvokeAsync("FitWillingnessModel");
        var model = await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/model");
        var csv = (await stack.Admin.GetStringAsync($"api/panels/{panelId}/export/long")).TrimEnd('\r', '\n').Split("\r\n").Select(l => l.Split(',')).ToList();
        var wave = Array.IndexOf(csv[0], "wave");
        var days = Array.IndexOf(csv[0], "days");
        var exported = csv.Skip(1)
            .GroupBy(row => int.Parse(row[wave], CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Average(row => double.Parse(row[days], CultureInfo.InvariantCulture)));

        // Independent expectation from the clock moves: everyone's first answer is day 0; wave 2 comes 7.25 days after the
        // first participant's and 6 days after the second's wave-1 answer, and is the third's first answer.
        Assert.Equal(0, exported[1], 3);
        Assert.Equal((7.25 + 6 + 0) / 3, exported[2], 3);
        foreach (var row in model.GetProperty("waves").EnumerateArray().Where(r => exported.ContainsKey(r.GetProperty("wave").GetInt32())))
        {
            Assert.Equal(exported[row.GetProperty("wave").GetInt32()], row.GetProperty("days").GetDouble(), 4);
        }
    }

    private static FormUrlEncodedContent Answers(int value) =>
        new(DefaultInstrument.Instance.Items.Select(i => new KeyValuePair<string, string>(i.Id, value.ToString(CultureInfo.InvariantCulture))));
}
