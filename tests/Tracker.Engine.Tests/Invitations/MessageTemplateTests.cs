using Tracker.Engine.Invitations;

namespace Tracker.Engine.Tests.Invitations;

/// <summary>Placeholders in the researcher's templates: checked by path when the panel is created, filled per participant.</summary>
public sealed class MessageTemplateTests
{
    private static List<string> Check(string text, IReadOnlyList<string>? allowed = null)
    {
        var problems = new List<string>();
        MessageTemplate.Check(text, "invitations.templates.invitation.body.en", allowed ?? MessageTemplate.EmailPlaceholders, problems);
        return problems;
    }

    [Fact]
    public void Every_known_placeholder_and_doubled_braces_pass()
    {
        Assert.Empty(Check("Dear {firstName}, wave {wave} of {waveCount} of {study} at {institution} closes {deadline}: {link} ({optOutLink}) {{literal}}"));
    }

    [Fact]
    public void An_unknown_placeholder_is_named_with_its_path_and_the_known_ones()
    {
        var problem = Assert.Single(Check("Dear {name}, {link}"));
        Assert.StartsWith("invitations.templates.invitation.body.en: {name} is not a placeholder here", problem, StringComparison.Ordinal);
        Assert.Contains("{firstName}", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_in_the_wrong_case_says_how_it_is_written()
    {
        Assert.Contains("is written {firstName}", Assert.Single(Check("Dear {FirstName}, {link}")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Dear {firstName, {link}", "an opening brace { that is not closed at character 6")]
    [InlineData("Dear firstName}, {link}", "a closing brace } without an opening one at character 15")]
    [InlineData("Hello {} {link}", "empty braces {}")]
    public void An_unbalanced_brace_is_refused_with_where_it_is(string text, string expected)
    {
        Assert.Contains(expected, Assert.Single(Check(text)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_placeholder_is_not_allowed_in_a_subject()
    {
        Assert.Contains("{link} is not a placeholder here", Assert.Single(Check("Your link {link}", MessageTemplate.SubjectPlaceholders)), StringComparison.Ordinal);
    }

    [Fact]
    public void Filling_replaces_each_placeholder_and_keeps_the_link_as_its_own_part()
    {
        var values = new Dictionary<string, string> { ["firstName"] = "Anna", ["link"] = "https://t.example/s/x" };
        var parts = MessageTemplate.Fill("Dear {firstName},\n{{not}} {link}.", values);

        Assert.Equal("Dear Anna,\n{not} https://t.example/s/x.", string.Concat(parts.Select(p => p.Text)));
        Assert.Equal("link", Assert.Single(parts, p => p.Text == "https://t.example/s/x").Placeholder);
    }

    [Fact]
    public void A_filled_body_splits_into_paragraphs_at_blank_lines_and_keeps_single_line_breaks()
    {
        var parts = MessageTemplate.Fill("Dear {firstName},\n\nLine one\nline two {link}\n\n\nBye", new Dictionary<string, string> { ["firstName"] = "A", ["link"] = "L" });
        var paragraphs = EmailParagraph.Split(parts);

        Assert.Equal(3, paragraphs.Count);
        Assert.Equal(2, paragraphs[1].Lines.Count);
        Assert.Equal("L", paragraphs[1].Lines[1][^1].Text);
    }
}
