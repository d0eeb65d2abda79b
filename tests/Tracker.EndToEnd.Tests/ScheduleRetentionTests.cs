using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tracker.EndToEnd.Tests;

/// <summary>The schedule edit and the data-retention date: the date (and researcher) can be set with the edit, by the creation rule, and an edit cannot move the last wave past it.</summary>
[Collection(StackCollection.Name)]
public sealed class ScheduleRetentionTests(StackFixture stack)
{
    [Fact]
    public async Task A_schedule_edit_validates_the_retention_date_and_refuses_to_move_the_last_wave_past_it()
    {
        var start = stack.Clock.GetUtcNow();
        var created = await stack.Admin.PostAsJsonAsync("api/panels", new
        {
            name = "Edited retention", instrument = "default",
            schedule = new { start, waves = 2, interval = "P7D", window = "P5D" },
            dataRetentionUntil = Day(start, 20),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<StackFixture.CreatedPanel>())!.Id;

        // Four waves would close on day 26, after the kept date of day 20: refused, saying so.
        var pastDate = await EditAsync(id, new { start, waves = 4, interval = "P7D", window = "P5D" });
        Assert.Equal(HttpStatusCode.BadRequest, pastDate.StatusCode);
        Assert.Contains($"data-retention date {Day(start, 20)}", await pastDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A new date given with the edit follows the creation rule.
        var tooEarly = await EditAsync(id, new { start, waves = 2, interval = "P7D", window = "P5D", dataRetentionUntil = Day(start, 10) });
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.Contains("dataRetentionUntil: must be after the last wave closes", await tooEarly.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var badAddress = await EditAsync(id, new { start, waves = 4, interval = "P7D", window = "P5D", dataRetentionUntil = Day(start, 40), researcherEmail = "nobody" });
        Assert.Equal(HttpStatusCode.BadRequest, badAddress.StatusCode);
        Assert.Contains("researcherEmail: is not an email address", await badAddress.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Nothing refused was stored.
        var status = await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{id}/status");
        Assert.Equal(Day(start, 20), status.GetProperty("dataRetentionUntil").GetString());

        // Moving both together is accepted and kept.
        var moved = await EditAsync(id, new { start, waves = 4, interval = "P7D", window = "P5D", dataRetentionUntil = Day(start, 40), researcherEmail = StackFixture.Emails(1)[0] });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        status = await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{id}/status");
        Assert.Equal(Day(start, 40), status.GetProperty("dataRetentionUntil").GetString());
        Assert.Equal(4, status.GetProperty("waves").GetArrayLength());
    }

    private Task<HttpResponseMessage> EditAsync(string id, object body) => stack.Admin.PutAsJsonAsync($"api/panels/{id}/schedule", body);

    private static string Day(DateTimeOffset from, int days) =>
        DateOnly.FromDateTime(from.UtcDateTime).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
