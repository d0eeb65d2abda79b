using System.Net;
using System.Text.RegularExpressions;
using Tracker.Engine.Consent;
using Tracker.Engine.Forms;
using Tracker.Engine.Instruments;

namespace Tracker.Cli.Demo;

/// <summary>
/// A simulated participant at the browser, going where the pages lead: the emailed link opens the consent page (agree
/// or decline) or a form page; the page's own hidden fields say which page it is (<c>_page</c>), the participant
/// answers what the page shows and presses Next, until thanked — or stops after <c>stopAfterPages</c> pages, as an
/// interrupted participant does. A page refused with errors (a question shown only once an earlier answer called for
/// it) is answered again as shown.
/// </summary>
public sealed partial class DemoVisit(DemoPopulation population, Instrument instrument)
{
    private const int MaxPosts = 20;

    /// <summary>Follows <paramref name="link"/> with <paramref name="client"/> (a fresh one is a second device: no cookies, nothing carried over).</summary>
    public async Task<DemoVisitResult> RunAsync(HttpClient client, string link, SimulatedParticipant participant, IReadOnlyDictionary<string, int> items, bool agrees, int? stopAfterPages, CancellationToken cancellationToken)
    {
        using var opened = await client.GetAsync(new Uri(link), cancellationToken);
        if (opened.StatusCode != HttpStatusCode.OK) return new DemoVisitResult(DemoVisitOutcome.Refused, 0, null);
        var html = await opened.Content.ReadAsStringAsync(cancellationToken);

        var consented = false;
        if (FormAction(html) is { } action && action.EndsWith("/consent", StringComparison.Ordinal))
        {
            var decision = Hidden(html);
            decision.Add(new(ConsentPageModel.DecisionField, agrees ? ConsentPageModel.AgreeValue : ConsentPageModel.DeclineValue));
            using var decided = await PostAsync(client, new Uri(new Uri(link), action), decision, cancellationToken);
            if (!agrees) return new DemoVisitResult(decided.IsSuccessStatusCode ? DemoVisitOutcome.Declined : DemoVisitOutcome.Refused, 0, null);
            if (decided.StatusCode != HttpStatusCode.OK) return new DemoVisitResult(DemoVisitOutcome.Refused, 0, null);

            // Agreeing answers 303 to the link, which the client follows to the form's first page.
            html = await decided.Content.ReadAsStringAsync(cancellationToken);
            consented = true;
        }

        var pages = 0;
        DateTimeOffset? firstSaved = null;
        for (var post = 0; post < MaxPosts; post++)
        {
            var fields = Hidden(html);
            var pageId = fields.FirstOrDefault(f => f.Key == FormNavigation.PageField).Value;
            if (pageId is null) return new DemoVisitResult(DemoVisitOutcome.Completed, pages, firstSaved) { Consented = consented };
            if (pages == stopAfterPages) return new DemoVisitResult(DemoVisitOutcome.Interrupted, pages, firstSaved) { Consented = consented };

            var page = instrument.FormPages.Single(p => p.Id == pageId);
            fields.AddRange(Answers(page, html, items));
            fields.Add(new(FormNavigation.ActionField, FormNavigation.Next));
            using var response = await PostAsync(client, new Uri(link), fields, cancellationToken);
            html = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                pages++;
                firstSaved ??= TimeProvider.System.GetUtcNow();
            }
            else if (response.StatusCode != HttpStatusCode.UnprocessableEntity)
            {
                return new DemoVisitResult(DemoVisitOutcome.Refused, pages, firstSaved) { Consented = consented };
            }
        }

        return new DemoVisitResult(DemoVisitOutcome.Refused, pages, firstSaved) { Consented = consented };
    }

    /// <summary>An answer for every entry of the page that the page shows (a conditional question appears only once its condition holds).</summary>
    private IEnumerable<KeyValuePair<string, string>> Answers(Page page, string html, IReadOnlyDictionary<string, int> items)
    {
        foreach (var entry in page.Items)
        {
            if (entry.Construct is { } id)
            {
                foreach (var item in instrument.Constructs.Single(c => c.Id == id).Items)
                {
                    yield return new(item.Id, items[item.Id].ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else if (entry.Question is { } question && html.Contains($"name=\"{question.Id}\"", StringComparison.Ordinal))
            {
                foreach (var value in population.AnswerFor(question)) yield return new(question.Id, value);
            }
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Uri target, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(target, form, cancellationToken);
    }

    private static List<KeyValuePair<string, string>> Hidden(string html) =>
        [.. HiddenPattern().Matches(html).Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)))];

    private static string? FormAction(string html) => FormPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["action"].Value) : null;

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenPattern();

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]+)\"")]
    private static partial Regex FormPattern();
}
