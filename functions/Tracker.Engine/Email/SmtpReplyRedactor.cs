using System.Net;
using System.Text.RegularExpressions;

namespace Tracker.Engine.Email;

/// <summary>
/// Removes addresses from SMTP server replies before Tracker logs, stores or shows them: refusals commonly quote the
/// recipient (<c>550 5.1.1 &lt;alice@example.org&gt;: Recipient address rejected</c>), and a reply is grouped by in
/// status and paired with a participant id in the plan, so a stored reply would otherwise keep the address after erasure.
/// </summary>
public static partial class SmtpReplyRedactor
{
    /// <summary>What an address is replaced by.</summary>
    public const string Placeholder = "[address]";

    /// <summary>
    /// Every email-like token: a local part, an at sign as servers and gateways spell it (<c>@</c>, <c>%40</c>,
    /// <c>&amp;#64;</c>, <c>=40</c>, <c>(at)</c>, <c>[at]</c>) and a dotted domain, with any brackets, quotes or
    /// <c>mailto:</c> around it.
    /// </summary>
    [GeneratedRegex(
        """(?:mailto:)?[<"'(\[]?[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.\-]+(?:@|%40|&#0*64;|&#x0*40;|=40|\s?[(\[]at[)\]]\s?)[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+[>"')\]]?""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex EmailLike();

    /// <summary>
    /// The reply with every email-like token replaced, and then any remaining spelling of the recipients' own
    /// addresses (in any case, URL- or HTML-encoded, or their local part alone as a word) replaced too.
    /// </summary>
    public static string Redact(string? reply, params IEnumerable<string?> recipients)
    {
        if (string.IsNullOrEmpty(reply)) return reply ?? "";
        string redacted;
        try
        {
            redacted = EmailLike().Replace(reply, Placeholder);
        }
        catch (RegexMatchTimeoutException)
        {
            // A reply built to stall the pattern is not worth keeping.
            return Placeholder;
        }

        foreach (var recipient in recipients)
        {
            if (string.IsNullOrWhiteSpace(recipient)) continue;
            foreach (var spelling in Spellings(recipient.Trim()))
            {
                redacted = redacted.Replace(spelling, Placeholder, StringComparison.OrdinalIgnoreCase);
            }

            var at = recipient.IndexOf('@', StringComparison.Ordinal);
            var local = at > 0 ? recipient[..at].Trim() : "";
            // A short local part ("jo") is too likely to be an ordinary word of the reply to be recognised on its own.
            if (local.Length >= 3)
            {
                redacted = Regex.Replace(
                    redacted,
                    $@"(?<![\p{{L}}\p{{N}}._%+\-]){Regex.Escape(local)}(?![\p{{L}}\p{{N}}_%+\-]|\.[\p{{L}}\p{{N}}])",
                    Placeholder,
                    RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
                    TimeSpan.FromSeconds(1));
            }
        }

        return redacted;
    }

    private static IEnumerable<string> Spellings(string address)
    {
        yield return address;
        yield return Uri.EscapeDataString(address);
        yield return WebUtility.HtmlEncode(address);
        yield return address.Replace("@", "&#64;", StringComparison.Ordinal);
        yield return address.Replace("@", "=40", StringComparison.Ordinal);
    }
}
