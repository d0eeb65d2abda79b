namespace Tracker.Engine.Invitations;

/// <summary>One paragraph of a filled template: its lines, each a run of literal text and filled placeholders (so <c>{link}</c> can become a link).</summary>
public sealed record EmailParagraph(IReadOnlyList<IReadOnlyList<MessageTemplate.Part>> Lines)
{
    /// <summary>Blank lines separate paragraphs; a single line break stays a line break.</summary>
    public static IReadOnlyList<EmailParagraph> Split(IReadOnlyList<MessageTemplate.Part> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var paragraphs = new List<EmailParagraph>();
        var lines = new List<IReadOnlyList<MessageTemplate.Part>>();
        var line = new List<MessageTemplate.Part>();
        var blank = 0;
        void EndLine()
        {
            if (line.Count == 0 || line.All(p => p.Placeholder is null && p.Text.Trim().Length == 0))
            {
                blank++;
            }
            else
            {
                if (blank > 0 && lines.Count > 0) EndParagraph();
                blank = 0;
                lines.Add(line);
            }

            line = [];
        }

        void EndParagraph()
        {
            if (lines.Count > 0) paragraphs.Add(new EmailParagraph(lines));
            lines = [];
        }

        foreach (var part in parts)
        {
            if (part.Placeholder is not null)
            {
                line.Add(part);
                continue;
            }

            var pieces = part.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (var i = 0; i < pieces.Length; i++)
            {
                if (i > 0) EndLine();
                if (pieces[i].Length > 0) line.Add(new MessageTemplate.Part(pieces[i], null));
            }
        }

        EndLine();
        EndParagraph();
        return paragraphs;
    }
}
