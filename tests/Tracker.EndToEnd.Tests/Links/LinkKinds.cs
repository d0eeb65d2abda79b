using Tracker.Engine.Instruments;
using Tracker.Engine.Summaries;

namespace Tracker.EndToEnd.Tests.Links;

/// <summary>The three kinds of signed link, the route each belongs on, and what a mail app or a browser posts there.</summary>
public static class LinkKinds
{
    public const string Survey = "survey";
    public const string OptOut = "opt-out";
    public const string SummaryUnsubscribe = "summary-unsubscribe";

    public static readonly string[] All = [Survey, OptOut, SummaryUnsubscribe];

    public static string Route(string kind) => kind switch
    {
        Survey => "api/r/",
        OptOut => "api/o/",
        _ => "api/summary/unsubscribe/",
    };

    /// <summary>A complete answer on the survey route; the one-click unsubscribe body (RFC 8058) on the other two.</summary>
    public static FormUrlEncodedContent Body(string routeKind) => routeKind == Survey
        ? new FormUrlEncodedContent(DefaultInstrument.Instance.Items.Select(item => new KeyValuePair<string, string>(item.Id, "4")))
        : new FormUrlEncodedContent([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]);

    /// <summary>The token of a link of <paramref name="kind"/> for this participant (or the panel's stakeholder), signed by the app.</summary>
    public static string Token(LinksFixture links, LinksFixture.StudyPanel study, Tracker.Engine.Participants.Participant participant, string kind, bool retiredKey = false)
    {
        var link = kind switch
        {
            Survey => links.ParticipantLinks(retiredKey).SurveyLink(study.Panel, participant, 1),
            OptOut => links.ParticipantLinks(retiredKey).OptOutLink(study.Panel, participant, 1),
            _ => links.Subscriptions(retiredKey).UnsubscribeLink(study.Id, SummaryLedger.RecipientKey(study.Stakeholder)),
        };
        return link.AbsolutePath[(link.AbsolutePath.LastIndexOf('/') + 1)..];
    }

    public static async Task<Answer> SendAsync(HttpClient client, string routeKind, string token, bool post)
    {
        var path = Route(routeKind) + token;
        using var body = Body(routeKind);
        using var response = post ? await client.PostAsync(path, body) : await client.GetAsync(path);
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => !h.Key.Equals("Date", StringComparison.OrdinalIgnoreCase))
            .Select(h => $"{h.Key}: {string.Join(",", h.Value)}").Order(StringComparer.Ordinal).ToList();
        return new Answer((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(), headers);
    }

    public sealed record Answer(int Status, byte[] Body, List<string> Headers)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Body);

        public bool SameAs(Answer other) => Status == other.Status && Body.AsSpan().SequenceEqual(other.Body) && Headers.SequenceEqual(other.Headers);
    }
}
