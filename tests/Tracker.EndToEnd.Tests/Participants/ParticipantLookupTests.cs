using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Tracker.EndToEnd.Tests.Engine;
using Tracker.Engine.Storage;

namespace Tracker.EndToEnd.Tests.Participants;

/// <summary>
/// POST /api/panels/{id}/participants/lookup answers from the enrolment index by point reads, and reads the contacts
/// only for a panel whose index was never built (enrolled before it existed).
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ParticipantLookupTests(StackFixture stack)
{
    private readonly EngineDriver engine = new(stack);

    private TableClient Contacts => engine.Service<TrackerStorage>().Table(StorageNames.ContactsTable);

    [Fact]
    public async Task The_lookup_answers_from_the_index_and_refuses_an_unknown_address_with_404()
    {
        var (panelId, emails, ids) = await EnrolledAsync();
        // Rewrite the stored address of one contact: a scan of the contacts no longer matches the enrolled address,
        // so only the index (keyed by the enrolled address's hash) can find it.
        var contact = (await Contacts.GetEntityAsync<ContactEntity>(panelId, ids[emails[1]])).Value;
        contact.Email = "rewritten@example.org";
        await Contacts.UpdateEntityAsync(contact, ETag.All, TableUpdateMode.Replace);

        Assert.Equal(ids[emails[1]], await FoundAsync(panelId, "  " + emails[1].ToUpperInvariant() + " "));
        Assert.Equal(ids[emails[0]], await FoundAsync(panelId, emails[0]));
        Assert.Equal(HttpStatusCode.NotFound, (await LookupAsync(panelId, "nobody-" + emails[0])).StatusCode);
    }

    [Fact]
    public async Task A_panel_enrolled_before_the_index_existed_is_looked_up_in_its_contacts()
    {
        var (panelId, emails, ids) = await EnrolledAsync();
        var partition = ContactIndexEntity.Partition(panelId);
        await foreach (var row in Contacts.QueryAsync<ContactIndexEntity>(e => e.PartitionKey == partition))
        {
            await Contacts.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        Assert.Equal(ids[emails[2]], await FoundAsync(panelId, emails[2]));
        Assert.Equal(HttpStatusCode.NotFound, (await LookupAsync(panelId, "nobody-" + emails[0])).StatusCode);
    }

    private async Task<(string PanelId, string[] Emails, Dictionary<string, string> Ids)> EnrolledAsync()
    {
        var panelId = await engine.CreatePanelAsync(new() { ["waves"] = 2, ["interval"] = "P7D", ["window"] = "P5D" });
        var emails = StackFixture.Emails(3);
        return (panelId, emails, await engine.EnrolAsync(panelId, emails));
    }

    private async Task<string?> FoundAsync(string panelId, string email)
    {
        using var response = await LookupAsync(panelId, email);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("participantId").GetString();
    }

    private Task<HttpResponseMessage> LookupAsync(string panelId, string email) =>
        stack.Admin.PostAsJsonAsync($"api/panels/{panelId}/participants/lookup", new { email });
}
