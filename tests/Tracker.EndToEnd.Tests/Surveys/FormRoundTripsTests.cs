using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Tracker.Engine.Forms;
using Tracker.Engine.Instruments;
using Tracker.Engine.Invitations;
using Tracker.Engine.Links;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Responses;
using Tracker.Engine.Storage;
using Tracker.Engine.Surveys;

namespace Tracker.EndToEnd.Tests.Surveys;

/// <summary>
/// What a participant's submission costs in storage round trips, on the stack's Azurite: each one is a request every
/// submitter waits for and the table service serves, so the form's throughput is set by how many it makes. A first
/// submission needs the participant and one insert; an edit reads the row once and replaces it on that read's ETag.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class FormRoundTripsTests(StackFixture stack)
{
    [Fact]
    public async Task A_first_submission_to_a_panel_in_one_language_reads_only_the_participant_and_inserts_the_response()
    {
        var (panelId, participantId, token) = await InvitedAsync();
        var (surveys, requests, responses) = Service();
        Assert.IsType<SurveyOutcome.Form>(await surveys.ShowAsync(token, CancellationToken.None));

        requests.Reset();
        var outcome = await surveys.SubmitAsync(token, Answers(4), CancellationToken.None);

        Assert.IsType<SurveyOutcome.Saved>(outcome);
        Assert.Equal(["GET participants", "POST responses"], requests.Seen);
        var (stored, _) = await responses.GetAsync(panelId, 1, participantId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.True(stored.Complete);
        Assert.All(DefaultInstrument.Instance.Items, item => Assert.Equal(4, stored.AllAnswers.Scale[item.Id]));
    }

    [Fact]
    public async Task An_edit_reads_the_stored_response_once_and_replaces_it_on_that_read()
    {
        var (panelId, participantId, token) = await InvitedAsync();
        var (surveys, requests, responses) = Service();
        Assert.IsType<SurveyOutcome.Saved>(await surveys.SubmitAsync(token, Answers(2), CancellationToken.None));
        var (first, _) = await responses.GetAsync(panelId, 1, participantId, CancellationToken.None);

        requests.Reset();
        Assert.IsType<SurveyOutcome.Saved>(await surveys.SubmitAsync(token, Answers(6), CancellationToken.None));

        // The first-page insert finds the row (one insert refused), then one read and one conditional replace.
        Assert.Equal(["GET participants", "POST responses", "GET responses", "PUT responses"], requests.Seen);
        var (edited, _) = await responses.GetAsync(panelId, 1, participantId, CancellationToken.None);
        Assert.NotNull(edited);
        Assert.Equal(first!.Revision + 1, edited.Revision);
        Assert.Equal(first.FirstSubmittedAt, edited.FirstSubmittedAt);
        Assert.All(DefaultInstrument.Instance.Items, item => Assert.Equal(6, edited.AllAnswers.Scale[item.Id]));
    }

    [Fact]
    public async Task A_submission_after_the_answers_were_erased_stores_nothing_and_answers_as_a_bad_link()
    {
        var (panelId, participantId, token) = await InvitedAsync();
        var (surveys, _, responses) = Service();
        Assert.IsType<SurveyOutcome.Saved>(await surveys.SubmitAsync(token, Answers(3), CancellationToken.None));
        Assert.Equal(1, await responses.EraseAsync(panelId, participantId, 1, stack.Clock.GetUtcNow(), CancellationToken.None));

        Assert.IsType<SurveyOutcome.InvalidLink>(await surveys.SubmitAsync(token, Answers(5), CancellationToken.None));
        var (stored, _) = await responses.GetAsync(panelId, 1, participantId, CancellationToken.None);
        Assert.Null(stored);
    }

    [Fact]
    public async Task Links_opened_at_once_record_their_opens_in_shared_transactions()
    {
        var (panelId, links) = await InvitedAsync(40);
        var (surveys, requests, _) = Service();
        Assert.IsType<SurveyOutcome.Form>(await surveys.ShowAsync(links[0].Token, CancellationToken.None));

        requests.Reset();
        var shown = await Task.WhenAll(links.Skip(1).Select(l => surveys.ShowAsync(l.Token, CancellationToken.None)));

        Assert.All(shown, outcome => Assert.IsType<SurveyOutcome.Form>(outcome));
        var writes = requests.Seen.Count(r => r is "POST invitations" or "POST $batch");
        Assert.InRange(writes, 1, links.Count - 2);
        var table = stack.Stack.Host.Services.GetRequiredService<TrackerStorage>().Table(StorageNames.InvitationsTable);
        var partition = InvitationEntity.Partition(panelId, 1);
        var opened = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<InvitationEntity>(e => e.PartitionKey == partition))
        {
            if (row.Kind == InvitationLedger.OpenedKind) opened.Add(InvitationEntity.ParticipantOf(row.RowKey));
        }

        Assert.Equal(links.Select(l => l.ParticipantId).ToHashSet(StringComparer.Ordinal), opened);
    }

    private async Task<(string PanelId, string ParticipantId, string Token)> InvitedAsync()
    {
        var (panelId, links) = await InvitedAsync(1);
        return (panelId, links[0].ParticipantId, links[0].Token);
    }

    private async Task<(string PanelId, List<(string ParticipantId, string Token)> Links)> InvitedAsync(int count)
    {
        var panelId = await stack.CreatePanelAsync(waves: 1);
        var csv = "email,time_zone\n" + string.Join('\n', Enumerable.Range(0, count).Select(_ => $"roundtrips-{Guid.NewGuid():N}@example.org,UTC"));
        Assert.Equal(count, (await stack.ImportAsync(panelId, csv)).Added);
        var ids = (await stack.Stack.Host.Services.GetRequiredService<ParticipantRepository>().GetContactsAsync(panelId, CancellationToken.None)).Keys;
        var signer = stack.Stack.Host.Services.GetRequiredService<LinkSigner>();
        var expires = stack.Clock.GetUtcNow().AddDays(5);
        return (panelId, [.. ids.Select(id => (id, signer.Sign(new LinkToken(panelId, id, 1, expires))))]);
    }

    private static PostedAnswers Answers(int value) =>
        new([.. DefaultInstrument.Instance.Items.Select(item => new KeyValuePair<string, string>(item.Id, value.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);

    /// <summary>The participant pages' service as an instance builds it, on storage clients of its own that note every table request.</summary>
    private (SurveyService Surveys, StorageRequestLog Requests, ResponseRepository Responses) Service()
    {
        var log = new StorageRequestLog();
        var options = new TableClientOptions();
        options.AddPolicy(log, HttpPipelinePosition.PerCall);
        var connection = stack.Stack.StorageConnectionString;
        var storage = new TrackerStorage(new TableServiceClient(connection, options), new BlobServiceClient(connection), new QueueServiceClient(connection));
        var responses = new ResponseRepository(storage);
        var signer = stack.Stack.Host.Services.GetRequiredService<LinkSigner>();
        var surveys = new SurveyService(signer, new PanelDefinitionCache(new PanelRepository(storage)), new ParticipantRepository(storage), responses, new InvitationLedger(storage), stack.Clock, NullLogger<SurveyService>.Instance);
        return (surveys, log, new ResponseRepository(new TrackerStorage(new TableServiceClient(connection), new BlobServiceClient(connection), new QueueServiceClient(connection))));
    }
}
