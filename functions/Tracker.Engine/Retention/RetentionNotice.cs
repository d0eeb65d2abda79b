using System.Globalization;
using System.Net;
using MimeKit;
using Tracker.Engine.Panels;

namespace Tracker.Engine.Retention;

/// <summary>
/// The email telling the researcher that a panel's data-retention date is near: what, when, and the two commands that
/// delete it. It says plainly that nothing is deleted automatically, so the researcher stays the one who decides.
/// </summary>
public static class RetentionNotice
{
    public static MimeMessage Create(Panel panel, DateOnly until, int daysLeft, int threshold, MailboxAddress from)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(from);
        var date = until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var left = DaysLeftText(daysLeft);
        var dryRun = $"tracker panel delete --panel {panel.Id} --dry-run";
        var delete = $"tracker panel delete --panel {panel.Id} --yes";
        var text = $"""
            The data-retention date of panel "{panel.Name}" ({panel.Id}) is {date}: {left}.

            Export what you need to keep, then delete the panel's data:

              {dryRun}    (lists what will be deleted)
              {delete}

            Nothing is deleted automatically.
            """;
        var html = $"""
            <p>The data-retention date of panel <strong>{WebUtility.HtmlEncode(panel.Name)}</strong> ({panel.Id}) is <strong>{date}</strong>: {left}.</p>
            <p>Export what you need to keep, then delete the panel's data:</p>
            <pre>{dryRun}    (lists what will be deleted)
            {delete}</pre>
            <p>Nothing is deleted automatically.</p>
            """;
        var message = new MimeMessage
        {
            Subject = $"Data retention: panel {panel.Name} ({panel.Id}) reaches {date}, {left}",
            MessageId = MessageId(panel.Id, threshold, from.Address),
        };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(panel.ResearcherEmail!));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }

    public static string DaysLeftText(int daysLeft) => daysLeft switch
    {
        < 0 => "the date has passed",
        0 => "that is today",
        1 => "1 day left",
        _ => string.Create(CultureInfo.InvariantCulture, $"{daysLeft} days left"),
    };

    public static string MessageId(string panelId, int threshold, string fromAddress)
    {
        var at = fromAddress.IndexOf('@', StringComparison.Ordinal);
        var domain = at >= 0 ? fromAddress[(at + 1)..] : "tracker.local";
        return string.Create(CultureInfo.InvariantCulture, $"{panelId}.retention.{threshold}@{domain}");
    }
}
