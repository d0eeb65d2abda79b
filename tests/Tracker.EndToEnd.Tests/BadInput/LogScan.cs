using System.Text.RegularExpressions;

namespace Tracker.EndToEnd.Tests.BadInput;

/// <summary>What must never appear in a log line: an email address, a link token, an answer value, a free-text canary.</summary>
public static partial class LogScan
{
    /// <summary>Put in free-text fields by the tests; it may only ever come back in a response, never in a log.</summary>
    public const string Canary = "CANARY7Q";

    private const string HostingScopePrefix = "Microsoft.AspNetCore.Hosting.Diagnostics scope:";

    public static void AssertClean(SecurityFixture stack, IEnumerable<string> lines, string? caseToken = null)
    {
        var tokens = stack.IssuedTokens.ToList();
        if (!string.IsNullOrEmpty(caseToken) && caseToken.Length >= 16) tokens.Add(caseToken);
        // ASP.NET Core's request scope carries the request path, which for a participant page is the link itself. The
        // app writes no line of its own in that scope's text; see docs/reliability.md for where request URLs do go.
        foreach (var line in lines.Where(l => !l.StartsWith(HostingScopePrefix, StringComparison.Ordinal)))
        {
            Assert.False(EmailAddress().IsMatch(line), $"An email address is in the log: {line}");
            Assert.False(TokenShape().IsMatch(line), $"Something shaped like a link token is in the log: {line}");
            Assert.DoesNotContain(tokens, t => line.Contains(t, StringComparison.Ordinal));
            Assert.False(Answer().IsMatch(line), $"An answer value is in the log: {line}");
            Assert.False(line.Contains(Canary, StringComparison.Ordinal), $"Free text from a request is in the log: {line}");
        }
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+")]
    private static partial Regex EmailAddress();

    // base64url payload, a dot, and a 43-character base64url HMAC-SHA256.
    [GeneratedRegex(@"[A-Za-z0-9_\-]{16,}\.[A-Za-z0-9_\-]{43}")]
    private static partial Regex TokenShape();

    // "trust_1=4", "trust_1: 4", "\"trust_1\":4": an item id beside a value.
    [GeneratedRegex(@"\b[a-z][a-z0-9]*_[0-9]+\W{0,3}[=:]\W{0,3}-?[0-9]")]
    private static partial Regex Answer();
}
