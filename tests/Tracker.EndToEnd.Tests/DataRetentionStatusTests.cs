using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tracker.EndToEnd.Tests;

/// <summary>A panel's data-retention date through the API: refused in plain words when too early, kept, and shown by status with its warning.</summary>
[Collection(StackCollection.Name)]
public sealed class DataRetentionStatusTests(StackFixture stack)
{
    [Fact]
    public async Task Status_shows_the_retention_date_and_warns_once_thirty_days_or_fewer_remain()
    {
        var start = stack.Clock.GetUtcNow();
        var schedule = new { start, waves = 1, interval = "P7D", window = "P5D" };
        var tooEarly = await stack.Admin.PostAsJsonAsync("api/panels", new { name = "Retention", instrument = "default", schedule, dataRetentionUntil = Day(start, 3) });
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.Contains("dataRetentionUntil: must be after the last wave closes", await tooEarly.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var until = Day(start, 60);
        var created = await stack.Admin.PostAsJsonAsync("api/panels", new { name = "Retention", instrument = "default", schedule, dataRetentionUntil = until });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<StackFixture.CreatedPanel>())!.Id;

        var status = await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{id}/status");
        Assert.Equal(until, status.GetProperty("dataRetentionUntil").GetString());
        Assert.Equal(60, status.GetProperty("daysUntilRetention").GetInt32());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("retentionWarning").ValueKind);

        stack.Clock.Advance(TimeSpan.FromDays(40));
        status = await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{id}/status");
        Assert.Equal(20, status.GetProperty("daysUntilRetention").GetInt32());
        var warning = status.GetProperty("retentionWarning").GetString();
        Assert.Contains($"{until} is 20 days away", warning, StringComparison.Ordinal);
        Assert.Contains("no researcherEmail", warning, StringComparison.Ordinal);
    }

    private static string Day(DateTimeOffset from, int days) =>
        DateOnly.FromDateTime(from.UtcDateTime).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
