using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;
using Tracker.Engine.Configuration;
using Tracker.Engine.Instruments;
using Tracker.Engine.Invitations;
using Tracker.Engine.Links;
using Tracker.Engine.OptOut;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Responses;
using Tracker.Engine.Storage;
using Tracker.Engine.Summaries;
using Tracker.Engine.Surveys;
using Tracker.Engine.Tests.Links;
using Tracker.Web.Pages;
using Tracker.Web.Participants;

namespace Tracker.Web.Tests.Participants;

/// <summary>
/// Every kind of link against every route's service, showing and posting. The storage behind the services refuses
/// every connection, so the answer tells how far a token got: a link of the route's own kind passes the purpose check
/// and asks storage (503), any other kind is turned away before that with exactly the route's invalid-link page.
/// </summary>
public sealed class LinkRouteServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Now);
    private readonly FixedLinkOptions links = new(new LinkOptions { ActiveKeyId = "k1", Keys = { ["k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) } });
    private readonly TrackerStorage storage = UnreachableStorage();

    public static TheoryData<LinkPurpose, LinkPurpose, bool> Pairs()
    {
        var data = new TheoryData<LinkPurpose, LinkPurpose, bool>();
        foreach (var kind in Enum.GetValues<LinkPurpose>())
        {
            foreach (var route in Enum.GetValues<LinkPurpose>())
            {
                data.Add(kind, route, false);
                data.Add(kind, route, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task A_route_lets_through_only_its_own_kind_and_answers_others_exactly_like_garbage(LinkPurpose kind, LinkPurpose route, bool post)
    {
        var token = Token(kind);
        var answer = await AnswerAsync(route, token, post);
        var garbage = await AnswerAsync(route, "garbage", post);

        Assert.Equal(StatusCodes.Status404NotFound, garbage.StatusCode);
        if (kind == route)
        {
            Assert.Equal(StatusCodes.Status503ServiceUnavailable, answer.StatusCode);
        }
        else
        {
            Assert.Equal(garbage, answer);
        }
    }

    private string Token(LinkPurpose kind) => kind == LinkPurpose.SummaryUnsubscribe
        ? new SubscriptionSigner(links).Sign(new SubscriptionToken("pabc", SummaryLedger.RecipientKey("someone@example.org")))
        : new LinkSigner(links, clock).Sign(new LinkToken("pabc", "participant1", 1, Now.AddDays(7), kind));

    private async Task<HtmlPage> AnswerAsync(LinkPurpose route, string token, bool post)
    {
        var signer = new LinkSigner(links, clock);
        var panels = new PanelRepository(storage);
        var participants = new ParticipantRepository(storage);
        switch (route)
        {
            case LinkPurpose.Survey:
                var surveys = new SurveyPages(new SurveyService(signer, new PanelDefinitionCache(panels), participants, new ResponseRepository(storage), new InvitationLedger(storage), clock, NullLogger<SurveyService>.Instance));
                return post
                    ? await surveys.SubmitAsync(token, Form(DefaultInstrument.Instance.Items.Select(i => (i.Id, "4")).ToArray()), CancellationToken.None)
                    : await surveys.ShowAsync(token, CancellationToken.None);
            case LinkPurpose.OptOut:
                var optOut = new OptOutPages(new OptOutService(signer, panels, participants, clock, NullLogger<OptOutService>.Instance));
                return post
                    ? await optOut.RecordAsync(token, Form(("List-Unsubscribe", "One-Click")), CancellationToken.None)
                    : await optOut.ShowAsync(token, CancellationToken.None);
            default:
                var subscriptions = new SummarySubscriptions(storage, new SubscriptionSigner(links), new FixedOptions<TrackerOptions>(new TrackerOptions { PublicBaseUrl = "https://tracker.example.org" }));
                var unsubscribe = new SummaryUnsubscribePages(new SummaryUnsubscribe(subscriptions, panels, clock, NullLogger<SummaryUnsubscribe>.Instance));
                return post
                    ? await unsubscribe.UnsubscribeAsync(token, CancellationToken.None)
                    : await unsubscribe.ShowAsync(token, "/api/summary/unsubscribe/" + token, CancellationToken.None);
        }
    }

    private static FormCollection Form(params (string Name, string Value)[] fields) =>
        new(fields.ToDictionary(f => f.Name, f => new StringValues(f.Value), StringComparer.Ordinal));

    /// <summary>Clients for a port nothing listens on, without retries: every call fails at once as an outage.</summary>
    private static TrackerStorage UnreachableStorage()
    {
        const string key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
        const string connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + key
            + ";TableEndpoint=http://127.0.0.1:1/devstoreaccount1;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1";
        var tables = new TableClientOptions();
        tables.Retry.MaxRetries = 0;
        var blobs = new BlobClientOptions();
        blobs.Retry.MaxRetries = 0;
        var queues = new QueueClientOptions();
        queues.Retry.MaxRetries = 0;
        return new TrackerStorage(new TableServiceClient(connection, tables), new BlobServiceClient(connection, blobs), new QueueServiceClient(connection, queues));
    }

    private sealed class FixedOptions<T>(T value) : Microsoft.Extensions.Options.IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
