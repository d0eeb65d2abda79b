using System.Net;
using Tracker.Engine.Summaries;

namespace Tracker.EndToEnd.Tests.Links;

/// <summary>
/// Azurite stopped under the opt-out and summary-unsubscribe routes: every answer is a 503 with Retry-After and a page
/// that says to try again (the one-click choice kept on it), never a 500; after the restart the same request is recorded.
/// </summary>
[Collection(LinksCollection.Name)]
public sealed class OptOutOutageTests(LinksFixture links)
{
    [Fact]
    public async Task With_storage_down_opt_out_and_unsubscribe_answer_503_with_retry_after_and_the_retry_is_recorded()
    {
        var study = await links.PanelAsync(1);
        var participant = study.Participants[0];
        var optOut = LinkKinds.Token(links, study, participant, LinkKinds.OptOut);
        var summary = LinkKinds.Token(links, study, participant, LinkKinds.SummaryUnsubscribe);

        await links.Azurite.StopAsync();
        try
        {
            foreach (var (kind, token) in new[] { (LinkKinds.OptOut, optOut), (LinkKinds.SummaryUnsubscribe, summary) })
            {
                foreach (var post in new[] { false, true })
                {
                    var path = LinkKinds.Route(kind) + token;
                    using var body = LinkKinds.Body(kind);
                    using var response = post ? await links.Anonymous.PostAsync(path, body) : await links.Anonymous.GetAsync(path);
                    var what = $"{(post ? "POST" : "GET")} {LinkKinds.Route(kind)}";
                    Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{what}: {(int)response.StatusCode}");
                    Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{what}: 503 without Retry-After");
                    var html = await response.Content.ReadAsStringAsync();
                    Assert.Contains("try again", html, StringComparison.OrdinalIgnoreCase);
                    if (post && kind == LinkKinds.OptOut)
                    {
                        // The one-click request rides on a "Try again" button to the same link.
                        Assert.Contains($"action=\"/{path}\"", html, StringComparison.Ordinal);
                        Assert.Contains("name=\"List-Unsubscribe\" value=\"One-Click\"", html, StringComparison.Ordinal);
                    }
                }
            }
        }
        finally
        {
            await links.Azurite.RestartAsync();
        }

        Assert.True((await links.ParticipantAsync(study.Id, participant.Id)).Active);
        Assert.Equal(200, (await LinkKinds.SendAsync(links.Anonymous, LinkKinds.OptOut, optOut, post: true)).Status);
        Assert.False((await links.ParticipantAsync(study.Id, participant.Id)).Active);
        Assert.Equal(200, (await LinkKinds.SendAsync(links.Anonymous, LinkKinds.SummaryUnsubscribe, summary, post: true)).Status);
        Assert.Contains(SummaryLedger.RecipientKey(study.Stakeholder), await links.Subscriptions().UnsubscribedAsync(study.Id, CancellationToken.None));
    }
}
