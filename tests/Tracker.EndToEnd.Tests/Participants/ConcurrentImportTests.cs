using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tracker.EndToEnd.Tests.Engine;
using Tracker.Engine.Participants;

namespace Tracker.EndToEnd.Tests.Participants;

/// <summary>One participant per address per panel, whatever imports run at once or again, through the real HTTP import.</summary>
[Collection(StackCollection.Name)]
public sealed class ConcurrentImportTests(StackFixture stack)
{
    private readonly EngineDriver engine = new(stack);

    [Fact]
    public async Task Four_simultaneous_imports_of_one_file_enrol_each_address_once_and_later_imports_report_them_enrolled()
    {
        var panelId = await engine.CreatePanelAsync(new() { ["waves"] = 2, ["interval"] = "P7D", ["window"] = "P5D" });
        var emails = StackFixture.Emails(30);
        var csv = "email,time_zone\n" + string.Join('\n', emails.Select(e => $"{e},UTC"));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostAsync(panelId, csv)));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(30, results.Sum(r => r.Body.GetProperty("added").GetInt32()));
        var participants = await engine.Service<ParticipantRepository>().ListAsync(panelId, CancellationToken.None);
        Assert.Equal(30, participants.Count);
        var contacts = await engine.Service<ParticipantRepository>().GetContactsAsync(panelId, CancellationToken.None);
        Assert.Equal(30, contacts.Count);
        Assert.Equal(30, contacts.Values.Select(c => c.Email.ToLowerInvariant()).Distinct().Count());

        var plan = await stack.Admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/plan");
        foreach (var wave in new[] { 1, 2 })
        {
            Assert.Equal(30, plan.GetProperty("sends").EnumerateArray().Count(s => s.GetProperty("wave").GetInt32() == wave && s.GetProperty("kind").GetString() == "invite"));
        }

        var again = await PostAsync(panelId, csv);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(0, again.Body.GetProperty("added").GetInt32());
        Assert.Equal(30, again.Body.GetProperty("alreadyEnrolled").GetInt32());
        Assert.Equal(30, (await engine.Service<ParticipantRepository>().ListAsync(panelId, CancellationToken.None)).Count);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string panelId, string csv)
    {
        using var content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv");
        using var response = await stack.Admin.PostAsync($"api/panels/{panelId}/participants", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }
}
