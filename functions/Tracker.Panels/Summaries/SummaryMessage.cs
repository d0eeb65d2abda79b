using MimeKit;
using Tracker.Reports.Email;

namespace Tracker.Panels.Summaries;

/// <summary>
/// Turns a composed summary into a MIME message: text and HTML alternatives, the charts as inline images (CID), a
/// deterministic Message-ID per panel, period and recipient, and a <c>List-Unsubscribe</c> header (mailto: to the sender).
/// </summary>
public static class SummaryMessage
{
    public static MimeMessage Create(SummaryEmail email, string panelId, SummaryPeriod period, MailboxAddress from, string to, string recipientKey)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(from);
        var message = new MimeMessage { Subject = email.Subject, MessageId = MessageId(panelId, period, recipientKey, from.Address) };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(to));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("List-Unsubscribe", $"<mailto:{from.Address}?subject={Uri.EscapeDataString(UnsubscribeSubject(panelId))}>");

        var body = new BodyBuilder { TextBody = email.Text, HtmlBody = email.Html };
        foreach (var image in email.Images)
        {
            var part = body.LinkedResources.Add(image.FileName, image.Png, new ContentType("image", "png"));
            part.ContentId = image.ContentId;
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>What the footer asks recipients to send; the research team removes them from the panel's stakeholders.</summary>
    public static string UnsubscribeSubject(string panelId) => $"unsubscribe {panelId}";

    public static string UnsubscribeInstruction(MailboxAddress from, string panelId)
    {
        ArgumentNullException.ThrowIfNull(from);
        return $"reply to {from.Address} with the subject \"{UnsubscribeSubject(panelId)}\" (your mail app's unsubscribe button does this for you).";
    }

    public static string MessageId(string panelId, SummaryPeriod period, string recipientKey, string fromAddress)
    {
        ArgumentNullException.ThrowIfNull(period);
        var domain = fromAddress.Contains('@', StringComparison.Ordinal) ? fromAddress[(fromAddress.IndexOf('@', StringComparison.Ordinal) + 1)..] : "tracker.local";
        return $"{panelId}.summary.{period.Key}.{recipientKey}@{domain}";
    }
}
