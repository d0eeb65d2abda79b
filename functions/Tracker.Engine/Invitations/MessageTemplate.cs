using System.Text;

namespace Tracker.Engine.Invitations;

/// <summary>
/// A researcher's text with placeholders in braces (<c>Dear {firstName},</c>). <c>{{</c> and <c>}}</c> stand for a
/// literal brace; any other brace must open or close a known placeholder, so a typo surfaces when the panel is created
/// rather than in a participant's inbox.
/// </summary>
public static class MessageTemplate
{
    public const string FirstName = "firstName";
    public const string Wave = "wave";
    public const string WaveCount = "waveCount";
    public const string Deadline = "deadline";
    public const string Link = "link";
    public const string OptOutLink = "optOutLink";
    public const string Study = "study";
    public const string Institution = "institution";

    /// <summary>Every placeholder an email body may use.</summary>
    public static IReadOnlyList<string> EmailPlaceholders { get; } = [FirstName, Wave, WaveCount, Deadline, Link, OptOutLink, Study, Institution];

    /// <summary>A subject line: no links (a link in a subject is a spam signal and cannot be clicked).</summary>
    public static IReadOnlyList<string> SubjectPlaceholders { get; } = [FirstName, Wave, WaveCount, Deadline, Study, Institution];

    /// <summary>The thank-you page: it is reached through the link, and the page never reads the participant's contact.</summary>
    public static IReadOnlyList<string> ThankYouPlaceholders { get; } = [Wave, WaveCount, Deadline, Study, Institution];

    /// <summary>One piece of a filled template: literal text, or the placeholder it came from.</summary>
    public sealed record Part(string Text, string? Placeholder);

    /// <summary>The placeholders <paramref name="text"/> uses, or a problem for each misplaced brace or unknown name (named by <paramref name="path"/>).</summary>
    public static IReadOnlyList<string> Check(string text, string path, IReadOnlyList<string> allowed, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(allowed);
        ArgumentNullException.ThrowIfNull(problems);
        var used = new List<string>();
        Split(text, (_, name, position, error) =>
        {
            if (error is not null)
            {
                problems.Add($"{path}: {error} at character {position + 1}; write {{{{ or }}}} for a literal brace, or a placeholder such as {{{allowed[0]}}}");
            }
            else if (name is not null && !allowed.Contains(name, StringComparer.Ordinal))
            {
                var known = allowed.FirstOrDefault(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
                problems.Add(known is not null
                    ? $"{path}: the placeholder {{{name}}} is written {{{known}}} (placeholders are case-sensitive)"
                    : $"{path}: {{{name}}} is not a placeholder here (known: {string.Join(", ", allowed.Select(a => $"{{{a}}}"))})");
            }
            else if (name is not null)
            {
                used.Add(name);
            }
        });
        return used;
    }

    /// <summary>The text with each placeholder replaced by its value, as parts (so a link can be rendered as a link).</summary>
    public static IReadOnlyList<Part> Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var parts = new List<Part>();
        var literal = new StringBuilder();
        Split(text, (chunk, name, _, _) =>
        {
            if (name is null)
            {
                literal.Append(chunk);
                return;
            }

            if (literal.Length > 0) parts.Add(new Part(literal.ToString(), null));
            literal.Clear();
            // A template is checked when the panel is created; an unknown name here stays visible rather than vanishing.
            parts.Add(new Part(values.TryGetValue(name, out var value) ? value : $"{{{name}}}", name));
        });
        if (literal.Length > 0) parts.Add(new Part(literal.ToString(), null));
        return parts;
    }

    /// <summary>The filled text as one string (subjects, plain-text parts).</summary>
    public static string FillText(string text, IReadOnlyDictionary<string, string> values) => string.Concat(Fill(text, values).Select(p => p.Text));

    /// <summary>Walks the text: literal chunks (name null), placeholders (name set), or a brace error with its position.</summary>
    private static void Split(string text, Action<string, string?, int, string?> visit)
    {
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                literal.Append('{');
                i += 2;
            }
            else if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                literal.Append('}');
                i += 2;
            }
            else if (c == '}')
            {
                visit("", null, i, "a closing brace } without an opening one");
                i++;
            }
            else if (c == '{')
            {
                var end = text.IndexOfAny(['}', '{', '\n'], i + 1);
                if (end < 0 || text[end] != '}')
                {
                    visit("", null, i, "an opening brace { that is not closed");
                    i++;
                    continue;
                }

                if (literal.Length > 0) visit(literal.ToString(), null, i, null);
                literal.Clear();
                var name = text[(i + 1)..end].Trim();
                if (name.Length == 0) visit("", null, i, "empty braces {}");
                else visit("", name, i, null);
                i = end + 1;
            }
            else
            {
                literal.Append(c);
                i++;
            }
        }

        if (literal.Length > 0) visit(literal.ToString(), null, text.Length, null);
    }
}
