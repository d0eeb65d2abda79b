using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Engine.Participants;

namespace Tracker.EndToEnd.Tests.Participants;

/// <summary>
/// A participant's language end to end, against Azurite and smtp4dev: the CSV's <c>language</c> column, email in that
/// language, the form in it, and a switch on the form that changes the page and the next email.
/// </summary>
[Collection(StackCollection.Name)]
public sealed partial class ParticipantLanguageTests(StackFixture stack)
{
    [Fact]
    public async Task A_German_participant_gets_German_email_and_pages_and_a_switch_to_English_carries_to_the_next_wave()
    {
        var created = await stack.Admin.PostAsJsonAsync("api/panels", new
        {
            name = "Sprachpanel",
            instrument = "default",
            languages = new[] { "en", "de" },
            schedule = new { start = stack.Clock.GetUtcNow(), waves = 2, interval = "P7D", window = "P5D" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var panelId = (await created.Content.ReadFromJsonAsync<StackFixture.CreatedPanel>())!.Id;
        var emails = StackFixture.Emails(3);
        var (german, english, unknown) = (emails[0], emails[1], emails[2]);

        var import = await stack.ImportAsync(panelId, $"email,language\n{german},de\n{english},\n{unknown},fr\n");
        Assert.Equal(2, import.Added);
        var rejected = Assert.Single(import.Rejected);
        Assert.Equal(4, rejected.Line);
        Assert.Equal("language 'fr' is not one of the panel's languages (en, de)", rejected.Reason);

        Assert.Equal(HttpStatusCode.Accepted, (await stack.Admin.PostAsync($"api/panels/{panelId}/waves/1/dispatch", null)).StatusCode);
        var firstWave = await MailAsync([german, english], "1");
        Assert.Equal("Sprachpanel: Ihre Befragung für Welle 1 von 2", firstWave[german].Subject);
        Assert.Equal("Sprachpanel: your survey for wave 1 of 2", firstWave[english].Subject);
        var germanText = await stack.Inbox.GetPlainTextAsync(firstWave[german].Id);
        Assert.StartsWith("Guten Tag,", germanText, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"de\"", await stack.Inbox.GetHtmlAsync(firstWave[german].Id), StringComparison.Ordinal);

        // The form speaks German; the selector's GET switches it to English and remembers that with the contact.
        var link = LinkPattern().Match(germanText).Value;
        var form = await stack.Anonymous.GetStringAsync(link);
        Assert.Contains("<html lang=\"de\" dir=\"ltr\">", form, StringComparison.Ordinal);
        Assert.Contains(">Antworten speichern</button>", form, StringComparison.Ordinal);
        Assert.Contains("name=\"lang\"", form, StringComparison.Ordinal);
        var switched = await stack.Anonymous.GetStringAsync(link + "?lang=en");
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", switched, StringComparison.Ordinal);
        Assert.Contains(">Save my answers</button>", switched, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\"", await stack.Anonymous.GetStringAsync(link), StringComparison.Ordinal);

        // A language the panel does not speak changes nothing.
        Assert.Contains("<html lang=\"en\"", await stack.Anonymous.GetStringAsync(link + "?lang=fr"), StringComparison.Ordinal);

        // The next email follows the switch.
        stack.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Accepted, (await stack.Admin.PostAsync($"api/panels/{panelId}/waves/2/dispatch", null)).StatusCode);
        var secondWave = await MailAsync([german], "2");
        Assert.Equal("Sprachpanel: your survey for wave 2 of 2", secondWave[german].Subject);

        // Stored with the contacts: the switch for the German participant, nothing (the default) for the other.
        var contacts = await stack.Stack.Host.Services.GetRequiredService<ParticipantRepository>().GetContactsAsync(panelId, CancellationToken.None);
        Assert.Equal(["en", null], contacts.Values.OrderBy(c => c.Email == german ? 0 : 1).Select(c => c.Language));
    }

    /// <summary>The message for each address about <paramref name="wave"/>, in whichever language its subject is.</summary>
    private async Task<Dictionary<string, Tracker.LocalHost.Stack.Smtp4devMessageSummary>> MailAsync(IReadOnlyCollection<string> emails, string wave)
    {
        var wanted = new HashSet<string>(emails, StringComparer.OrdinalIgnoreCase);
        bool About(Tracker.LocalHost.Stack.Smtp4devMessageSummary m) => m.To.Any(wanted.Contains) && (m.Subject.Contains($"wave {wave} of", StringComparison.Ordinal) || m.Subject.Contains($"Welle {wave} von", StringComparison.Ordinal));
        var messages = await stack.Inbox.WaitForMessagesAsync(all => all.Count(About) >= wanted.Count, TimeSpan.FromSeconds(30));
        return messages.Where(About).ToDictionary(m => m.To.First(wanted.Contains), StringComparer.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/api/r/[A-Za-z0-9_\-\.]+")]
    private static partial Regex LinkPattern();
}
