using Tracker.Analysis.Formula;

namespace Tracker.Analysis.Tests;

public class FormulaParserTests
{
    [Theory]
    [InlineData("willingness ~ days * cc + (days | participant_id)", new[] { "(Intercept)", "days", "cc", "days:cc" })]
    [InlineData("y ~ t + (1 | id)", new[] { "(Intercept)", "t" })]
    [InlineData("y ~ 0 + t + x + (t | id)", new[] { "t", "x" })]
    [InlineData("y ~ t + x - 1 + (t | id)", new[] { "t", "x" })]
    [InlineData("y ~ x:t + t + (t | id)", new[] { "(Intercept)", "t", "x:t" })]
    [InlineData("y ~ t:x + x + (t | id)", new[] { "(Intercept)", "x", "t:x" })]
    [InlineData("y ~ a * b * c + (1 | id)", new[] { "(Intercept)", "a", "b", "c", "a:b", "a:c", "b:c", "a:b:c" })]
    [InlineData("y ~ (a + b) * c + (1 | id)", new[] { "(Intercept)", "a", "b", "c", "a:c", "b:c" })]
    [InlineData("y ~ t + t + t:x + x:t + (1 | id)", new[] { "(Intercept)", "t", "t:x" })]
    [InlineData("y ~ 1 + (1 | id)", new[] { "(Intercept)" })]
    [InlineData("y~t+(t|id)", new[] { "(Intercept)", "t" })]
    public void Fixed_terms_are_named_and_ordered_as_lme4_names_them(string text, string[] expected)
    {
        Assert.Equal(expected, ModelFormula.Parse(text).FixedNames);
    }

    [Theory]
    [InlineData("y ~ t + (t | id)", true, "t")]
    [InlineData("y ~ t + (1 + t | id)", true, "t")]
    [InlineData("y ~ t + (1 | id)", true, null)]
    [InlineData("y ~ t + (0 + t | id)", false, "t")]
    [InlineData("y ~ t + (t - 1 | id)", false, "t")]
    public void Random_term_is_read(string text, bool intercept, string? slope)
    {
        var formula = ModelFormula.Parse(text);

        Assert.Equal(intercept, formula.Random.Intercept);
        Assert.Equal(slope is null ? [] : new[] { slope }, formula.Random.Slopes);
        Assert.Equal("id", formula.Random.Group);
        Assert.Equal("y", formula.Response);
    }

    [Fact]
    public void Backticks_quote_non_syntactic_names()
    {
        var formula = ModelFormula.Parse("`co creation` ~ `time (days)` + (1 | `participant id`)");

        Assert.Equal("co creation", formula.Response);
        Assert.Equal(["(Intercept)", "time (days)"], formula.FixedNames);
        Assert.Equal("participant id", formula.Random.Group);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("y t + (1 | id)", "expected '~'")]
    [InlineData("~ t + (1 | id)", "response")]
    [InlineData("y ~ t", "no random-effects term")]
    [InlineData("y ~ t + (t || id)", "'||'")]
    [InlineData("y ~ t + (t | id) + (1 | site)", "only one random-effects term")]
    [InlineData("y ~ t + (t + x | id)", "more than one random slope")]
    [InlineData("y ~ t + (t:x | id)", "interactions in the random-effects term")]
    [InlineData("y ~ t + (1 | id:site)", "nested or crossed grouping")]
    [InlineData("y ~ t + (1 | id/site)", "nested or crossed grouping")]
    [InlineData("y ~ log(t) + (1 | id)", "function calls such as 'log(...)'")]
    [InlineData("y ~ I(t^2) + (1 | id)", "function calls such as 'I(...)'")]
    [InlineData("y ~ (a + b)^2 + (1 | id)", "power operator '^'")]
    [InlineData("y ~ t - x + (1 | id)", "removing terms")]
    [InlineData("y ~ . + (1 | id)", "'.'")]
    [InlineData("y ~ t + 2 + (1 | id)", "the number '2'")]
    [InlineData("y ~ t + (0 | id)", "no effects")]
    [InlineData("y ~ t + (t | id", "unclosed '('")]
    [InlineData("y ~ t + (t | id))", "unmatched ')'")]
    [InlineData("y ~ t * (1 | id)", "cannot be combined with '*'")]
    [InlineData("log(y) ~ t + (1 | id)", "transformed responses")]
    [InlineData("y ~ t + ", "ends where a term was expected")]
    [InlineData("y ~ t %in% x + (1 | id)", "'%in%'")]
    public void Unsupported_or_malformed_formulas_name_the_problem(string text, string expected)
    {
        var error = Assert.Throws<FormulaException>(() => ModelFormula.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
