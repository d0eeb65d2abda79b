using MimeKit;
using Tracker.Engine.Summaries;

namespace Tracker.Engine.Summaries;

/// <summary>
/// Turns a composed summary into a MIME message: text and HTML alternatives, the charts as inline images (CID), a
/// deterministic Message-ID per panel, period and recipient, and unsubscribe headers: <c>List-Unsubscribe</c> with the
/// recipient's HTTPS link (and mailto: to the sender as a fallback) and <c>List-Unsubscribe-Post:
/// List-Unsubscribe=One-Click</c>, so mail apps can unsubscribe with one POST (RFC 8058).
/// </summary>
public static class SummaryMessage
{
    public static MimeMessage Create(SummaryEmail email, string panelId, SummaryPeriod period, MailboxAddress from, string to, string recipientKey, Uri unsubscribeLink)
    {
        ArgumentNullException.ThrowIfNull(unsubscribeLink);
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(from);
        var message = new MimeMessage { Subject = email.Subject, MessageId = MessageId(panelId, period, recipientKey, from.Address) };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(to));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribeLink.AbsoluteUri}>, <mailto:{from.Address}?subject={Uri.EscapeDataString(UnsubscribeSubject(panelId))}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

        var body = new BodyBuilder { TextBody = email.Text, HtmlBody = email.Html };
        foreach (var image in email.Images)
        {
            var part = body.LinkedResources.Add(image.FileName, image.Png, new ContentType("image", "png"));
            part.ContentId = image.ContentId;
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>The subject of the mailto: fallback in <c>List-Unsubscribe</c> (for mail apps without one-click support); the research team acts on it.</summary>
    public static string UnsubscribeSubject(string panelId) => $"unsubscribe {panelId}";

    /// <summary>The footer of previews and of <c>tracker summary</c>, which go to no particular recipient and so carry no personal link.</summary>
    public const string PreviewUnsubscribe = "use the unsubscribe link in your copy of this email (each recipient's link is their own).";

    public static string MessageId(string panelId, SummaryPeriod period, string recipientKey, string fromAddress)
    {
        ArgumentNullException.ThrowIfNull(period);
        var domain = fromAddress.Contains('@', StringComparison.Ordinal) ? fromAddress[(fromAddress.IndexOf('@', StringComparison.Ordinal) + 1)..] : "tracker.local";
        return $"{panelId}.summary.{period.Key}.{recipientKey}@{domain}";
    }
}
