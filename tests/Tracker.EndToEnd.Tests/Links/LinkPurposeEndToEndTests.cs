using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Tracker.Engine.Participants;
using Tracker.Engine.Responses;
using Tracker.Engine.Summaries;

namespace Tracker.EndToEnd.Tests.Links;

/// <summary>
/// Every kind of signed link against every route, GET and POST, over HTTP on the local stack: a route serves its own
/// kind, and answers any other kind with exactly the bytes and headers it gives a forged token, changing nothing.
/// </summary>
[Collection(LinksCollection.Name)]
public sealed class LinkPurposeEndToEndTests(LinksFixture links)
{
    private const string Garbage = "bm90LWEtdG9rZW4.bm90LWEtbWFj";

    [Fact]
    public async Task Each_route_serves_only_its_own_kind_and_answers_every_other_kind_like_a_forged_link()
    {
        var pairs = (from kind in LinkKinds.All from route in LinkKinds.All from post in new[] { false, true } select (kind, route, post)).ToList();
        var study = await links.PanelAsync(pairs.Count);
        var problems = new List<string>();
        var untouched = new List<Participant>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var (kind, route, post) = pairs[i];
            var participant = study.Participants[i];
            var token = LinkKinds.Token(links, study, participant, kind);
            var answer = await LinkKinds.SendAsync(links.Anonymous, route, token, post);
            var what = $"{kind} link, {(post ? "POST" : "GET")} {LinkKinds.Route(route)}";
            if (kind == route)
            {
                if (answer.Status != 200) problems.Add($"{what}: {answer.Status}, expected 200");
                continue;
            }

            if (kind != LinkKinds.SummaryUnsubscribe) untouched.Add(participant);
            var forged = await LinkKinds.SendAsync(links.Anonymous, route, Garbage, post);
            if (forged.Status != 404) problems.Add($"{what}: a forged token answers {forged.Status}, expected 404");
            if (!answer.SameAs(forged)) problems.Add($"{what}: {answer.Status}, not the forged-link answer ({forged.Status})");
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));

        // A refused link changed nothing: nobody left or saved an answer through a link meant for something else.
        var responses = links.Service<ResponseRepository>();
        foreach (var participant in untouched)
        {
            Assert.True((await links.ParticipantAsync(study.Id, participant.Id)).Active, $"participant {participant.Id} left through a link of another kind");
            Assert.Null((await responses.GetAsync(study.Id, 1, participant.Id, CancellationToken.None)).Response);
        }
    }

    [Fact]
    public async Task An_opt_out_link_never_shows_the_survey_with_saved_answers()
    {
        var study = await links.PanelAsync(1);
        var participant = study.Participants[0];
        var survey = LinkKinds.Token(links, study, participant, LinkKinds.Survey);
        Assert.Equal(200, (await LinkKinds.SendAsync(links.Anonymous, LinkKinds.Survey, survey, post: true)).Status);

        var optOut = LinkKinds.Token(links, study, participant, LinkKinds.OptOut);
        var shown = await LinkKinds.SendAsync(links.Anonymous, LinkKinds.Survey, optOut, post: false);
        Assert.Equal(404, shown.Status);
        Assert.DoesNotContain("<form", shown.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_issued_before_purposes_keep_working_as_what_they_were()
    {
        var study = await links.PanelAsync(2);
        var (reader, leaver) = (study.Participants[0], study.Participants[1]);
        var expires = links.Clock.GetUtcNow().AddDays(6).ToUnixTimeSeconds();

        // A version-1 participant token (no purpose field) is a survey link: its form opens, and the opt-out route refuses it.
        var legacy = Sign($"1|{LinksFixture.ActiveKeyId}|{study.Id}|{reader.Id}|1|{expires}", Convert.FromBase64String(links.ActiveKey));
        Assert.Equal(200, (await LinkKinds.SendAsync(links.Anonymous, LinkKinds.Survey, legacy, post: false)).Status);
        Assert.Equal(200, (await LinkKinds.SendAsync(links.Anonymous, LinkKinds.Survey, legacy, post: true)).Status);
        var onOptOut = await LinkKinds.SendAsync(links.Anonymous, LinkKinds.OptOut, legacy, post: true);
        Assert.True(onOptOut.SameAs(await LinkKinds.SendAsync(links.Anonymous, LinkKinds.OptOut, Garbage, post: true)));
        Assert.True((await links.ParticipantAsync(study.Id, reader.Id)).Active);

        // A version-1 token whose expiry is the panel's end plus a year is an opt-out link from an old email: it opts out,
        // and the survey route refuses it like a forged link.
        var legacyOptOut = Sign($"1|{LinksFixture.ActiveKeyId}|{study.Id}|{leaver.Id}|1|{(study.Panel.Schedule.End + Tracker.Engine.Links.ParticipantLinks.OptOutValidity).ToUnixTimeSeconds()}", Convert.FromBase64String(links.ActiveKey));
        foreach (var post in new[] { false, true })
        {
            Assert.True((await LinkKinds.SendAsync(links.Anonymous, LinkKinds.Survey, legacyOptOut, post)).SameAs(await LinkKinds.SendAsync(links.Anonymous, LinkKinds.Survey, Garbage, post)));
        }

        Assert.Null((await links.Service<ResponseRepository>().GetAsync(study.Id, 1, leaver.Id, CancellationToken.None)).Response);
        Assert.Equal(200, (await LinkKinds.SendAsync(links.Anonymous, LinkKinds.OptOut, legacyOptOut, post: false)).Status);
        Assert.Equal(200, (await LinkKinds.SendAsync(links.Anonymous, LinkKinds.OptOut, legacyOptOut, post: true)).Status);
        Assert.False((await links.ParticipantAsync(study.Id, leaver.Id)).Active);

        // A first-version summary token (the recipient key in clear) still unsubscribes.
        var recipientKey = SummaryLedger.RecipientKey(study.Stakeholder);
        var summaryKey = HMACSHA256.HashData(Convert.FromBase64String(links.ActiveKey), "tracker/summary-unsubscribe/v1"u8.ToArray());
        var legacySummary = Sign($"s1|{LinksFixture.ActiveKeyId}|{study.Id}|{recipientKey}", summaryKey);
        Assert.Equal(200, (await LinkKinds.SendAsync(links.Anonymous, LinkKinds.SummaryUnsubscribe, legacySummary, post: true)).Status);
        Assert.Contains(recipientKey, await links.Subscriptions().UnsubscribedAsync(study.Id, CancellationToken.None));
    }

    [Fact]
    public async Task After_a_rotation_links_of_every_kind_signed_with_the_retired_key_still_work()
    {
        var study = await links.PanelAsync(2);
        var (answerer, leaver) = (study.Participants[0], study.Participants[1]);

        var survey = LinkKinds.Token(links, study, answerer, LinkKinds.Survey, retiredKey: true);
        Assert.Contains($"|{LinksFixture.RetiredKeyId}|", Payload(survey), StringComparison.Ordinal);
        Assert.Equal(200, (await LinkKinds.SendAsync(links.Anonymous, LinkKinds.Survey, survey, post: false)).Status);
        Assert.Equal(200, (await LinkKinds.SendAsync(links.Anonymous, LinkKinds.Survey, survey, post: true)).Status);
        Assert.NotNull((await links.Service<ResponseRepository>().GetAsync(study.Id, 1, answerer.Id, CancellationToken.None)).Response);

        var optOut = LinkKinds.Token(links, study, leaver, LinkKinds.OptOut, retiredKey: true);
        Assert.Equal(200, (await LinkKinds.SendAsync(links.Anonymous, LinkKinds.OptOut, optOut, post: false)).Status);
        Assert.Equal(200, (await LinkKinds.SendAsync(links.Anonymous, LinkKinds.OptOut, optOut, post: true)).Status);
        Assert.False((await links.ParticipantAsync(study.Id, leaver.Id)).Active);

        var summary = LinkKinds.Token(links, study, leaver, LinkKinds.SummaryUnsubscribe, retiredKey: true);
        Assert.Equal(200, (await LinkKinds.SendAsync(links.Anonymous, LinkKinds.SummaryUnsubscribe, summary, post: false)).Status);
        Assert.Equal(200, (await LinkKinds.SendAsync(links.Anonymous, LinkKinds.SummaryUnsubscribe, summary, post: true)).Status);
        Assert.Contains(SummaryLedger.RecipientKey(study.Stakeholder), await links.Subscriptions().UnsubscribedAsync(study.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_summary_unsubscribe_token_carries_no_unkeyed_hash_of_the_address_and_still_unsubscribes()
    {
        var study = await links.PanelAsync(1);
        var token = LinkKinds.Token(links, study, study.Participants[0], LinkKinds.SummaryUnsubscribe);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(study.Stakeholder.Trim().ToLowerInvariant()));
        var payload = Payload(token);
        foreach (var spelling in new[] { Convert.ToHexStringLower(hash)[..16], Convert.ToHexString(hash)[..16], Base64Url.EncodeToString(hash)[..16], Convert.ToBase64String(hash)[..16] })
        {
            Assert.DoesNotContain(spelling, payload, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(spelling, token, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(200, (await LinkKinds.SendAsync(links.Anonymous, LinkKinds.SummaryUnsubscribe, token, post: true)).Status);
        Assert.Contains(SummaryLedger.RecipientKey(study.Stakeholder), await links.Subscriptions().UnsubscribedAsync(study.Id, CancellationToken.None));
    }

    private static string Sign(string payload, byte[] key)
    {
        var bytes = Encoding.UTF8.GetBytes(payload);
        return Base64Url.EncodeToString(bytes) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, bytes));
    }

    private static string Payload(string token) => Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.AsSpan(0, token.IndexOf('.', StringComparison.Ordinal))));
}
