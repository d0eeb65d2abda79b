using System.Globalization;
using System.Text.RegularExpressions;
using Tracker.LocalHost.Stack;

namespace Tracker.Cli.Demo;

/// <summary>
/// Three simulated participants who use the opt-out link in their wave-1 email: one leaves with the mail client's
/// one-click unsubscribe (RFC 8058 POST), one stops reminders, one skips wave 1 — so the demo shows each choice honoured.
/// </summary>
public sealed partial class DemoOptOuts
{
    public HashSet<string> Left { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> RemindersOff { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> SkippedWaveOne { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool GetsReminders(string email, int wave) =>
        !Left.Contains(email) && !RemindersOff.Contains(email) && !(wave == 1 && SkippedWaveOne.Contains(email));

    /// <summary>Picks three wave-1 non-respondents (a stable choice) and posts their choices to the opt-out page.</summary>
    public async Task ChooseAsync(HttpClient web, Smtp4devClient inbox, IReadOnlyDictionary<string, DemoEmail> invitations, string invitationSubject, IReadOnlyCollection<string> answering, CancellationToken cancellationToken)
    {
        var candidates = invitations.Keys.Except(answering, StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).Take(3).ToList();
        var messages = await inbox.ListMessagesAsync(cancellationToken: cancellationToken);
        for (var i = 0; i < candidates.Count; i++)
        {
            var email = candidates[i];
            var message = messages.First(m => m.To.Contains(email, StringComparer.OrdinalIgnoreCase) && m.Subject.Contains(invitationSubject, StringComparison.Ordinal));
            var link = OptOutPattern().Match(await inbox.GetPlainTextAsync(message.Id, cancellationToken)).Value;
            var (body, set) = i switch
            {
                0 => ("List-Unsubscribe=One-Click", Left),
                1 => ("choice=reminders", RemindersOff),
                _ => ("choice=skip", SkippedWaveOne),
            };
            using var content = new StringContent(body, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
            using var response = await web.PostAsync(new Uri(link), content, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"The opt-out page answered {((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)}.");
            }

            set.Add(email);
        }
    }

    [GeneratedRegex(@"https?://[^\s]+/api/o/[A-Za-z0-9_\-\.]+")]
    private static partial Regex OptOutPattern();
}
