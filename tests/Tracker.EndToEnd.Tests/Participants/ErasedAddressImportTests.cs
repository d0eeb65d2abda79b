using System.Net;
using Tracker.EndToEnd.Tests.Engine;
using Tracker.Engine.Participants;

namespace Tracker.EndToEnd.Tests.Participants;

/// <summary>An erased participant stays erased: the next import of the original roster refuses their line and says why.</summary>
[Collection(StackCollection.Name)]
public sealed class ErasedAddressImportTests(StackFixture stack)
{
    private readonly EngineDriver engine = new(stack);

    [Fact]
    public async Task Reimporting_the_roster_refuses_the_erased_address_with_the_reason_and_enrols_nobody_new()
    {
        var panelId = await engine.CreatePanelAsync(new() { ["waves"] = 2, ["interval"] = "P7D", ["window"] = "P5D" });
        var emails = StackFixture.Emails(3);
        var ids = await engine.EnrolAsync(panelId, emails);
        Assert.Equal(HttpStatusCode.OK, (await stack.Admin.DeleteAsync($"api/panels/{panelId}/participants/{ids[emails[1]]}")).StatusCode);

        // The roster again, the erased address in other capitals: still the same person.
        var roster = "email,time_zone\n" + string.Join('\n', emails.Select((e, i) => (i == 1 ? e.ToUpperInvariant() : e) + ",UTC"));
        var import = await stack.ImportAsync(panelId, roster);

        Assert.Equal(0, import.Added);
        var refused = Assert.Single(import.Rejected);
        Assert.Equal(3, refused.Line);
        Assert.Contains("erased at the participant's request", refused.Reason, StringComparison.Ordinal);
        var participants = await engine.Service<ParticipantRepository>().ListAsync(panelId, CancellationToken.None);
        Assert.Equal(2, participants.Count(p => p.Active));
        Assert.DoesNotContain(emails[1], (await engine.Service<ParticipantRepository>().GetContactsAsync(panelId, CancellationToken.None)).Values.Select(c => c.Email), StringComparer.OrdinalIgnoreCase);
    }
}
