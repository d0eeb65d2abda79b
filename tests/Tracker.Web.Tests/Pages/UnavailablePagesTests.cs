using Tracker.Engine.Forms;
using Tracker.Web.Pages;
using Tracker.Engine.Instruments;

namespace Tracker.Web.Tests.Pages;

/// <summary>The 503 pages a participant sees while storage is down: when to come back, and nothing they chose lost.</summary>
public sealed class UnavailablePagesTests
{
    [Fact]
    public void The_form_comes_back_as_503_with_retry_after_the_notice_first_and_every_choice_still_checked()
    {
        var instrument = DefaultInstrument.Instance;
        var answers = instrument.Items.Select((item, i) => (item.Id, Value: i % 7 + 1)).ToDictionary(x => x.Id, x => x.Value);

        var page = SurveyFormPage.Unavailable(new SurveyFormModel(instrument, "Panel", 1, 3, "soon", "/api/r/tok") { Answers = answers });

        Assert.Equal(503, page.StatusCode);
        Assert.Equal(SurveyFormPage.UnavailableRetryAfter, page.RetryAfter);
        Assert.StartsWith("<!DOCTYPE html>", page.Html.TrimStart(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<title>Error: ", page.Html, StringComparison.Ordinal);
        Assert.True(page.Html.IndexOf("could not be saved", StringComparison.Ordinal) < page.Html.IndexOf("<form", StringComparison.Ordinal));
        foreach (var (item, value) in answers)
        {
            Assert.Contains($"name=\"{item}\" value=\"{value}\" checked", page.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Without_the_form_the_choices_travel_as_encoded_hidden_fields_and_only_plausible_ones()
    {
        var fields = new Dictionary<string, string>
        {
            ["ugc1"] = "5",
            ["ugc2\"><script>"] = "3",
            ["ugc3"] = "\"><b>",
            [new string('x', 41)] = "1",
            ["ugc4"] = new string('9', PostedPageReader.MaxFieldLength + 1),
        };

        var page = ProblemPage.UnavailableKeepingAnswers("/api/r/tok", fields);

        Assert.Equal(503, page.StatusCode);
        Assert.NotNull(page.RetryAfter);
        Assert.Contains("<input type=\"hidden\" name=\"ugc1\" value=\"5\" />", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 41), page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('9', PostedPageReader.MaxFieldLength + 1), page.Html, StringComparison.Ordinal);
        Assert.Contains("action=\"/api/r/tok\"", page.Html, StringComparison.Ordinal);
    }
}
