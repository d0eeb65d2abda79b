using System.Net;
using System.Security.Cryptography;
using System.Text;
using Tracker.Engine.Forms;
using Tracker.Web.Pages;
using Tracker.Engine.Instruments;
using static Tracker.Web.Tests.Pages.HtmlInspection;

namespace Tracker.Web.Tests.Pages;

public class SurveyFormPageTests
{
    private static readonly Instrument Default = DefaultInstrument.Instance;

    private static SurveyFormModel Model(Instrument? instrument = null) =>
        new(instrument ?? Default, "Spring panel", 2, 6, "Friday 4 December 2026 at 18:00 (UTC)", "/api/r/tok-en");

    [Fact]
    public void Has_a_fieldset_and_legend_per_item_in_instrument_order()
    {
        var html = SurveyFormPage.Render(Model());

        Assert.Equal(27, Count(html, "fieldset"));
        Assert.Equal(27, Count(html, "legend"));
        var names = Radios(html).Select(r => r["name"]).Distinct().ToList();
        Assert.Equal(Default.Items.Select(i => i.Id), names);
    }

    [Fact]
    public void Labels_every_radio_button_with_its_scale_point()
    {
        var html = SurveyFormPage.Render(Model());
        var radios = Radios(html);
        var labels = Tags(html, "label").Select(l => l["for"]).ToList();

        Assert.Equal(27 * 7, radios.Count);
        Assert.Equal(radios.Count, radios.Select(r => r["id"]).Distinct().Count());
        Assert.All(radios, r => Assert.Contains(r["id"], labels));
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7"], radios.Take(7).Select(r => r["value"]));
        Assert.Contains(">Strongly disagree</span></label>", html, StringComparison.Ordinal);
        Assert.Contains(">Neither agree nor disagree</span></label>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Is_a_phone_friendly_document_in_the_participants_language()
    {
        var german = Default with { Language = "de" };
        var panel = new Tracker.Engine.Panels.Panel("pABCDEFGHJKL", "Spring panel", german, new Tracker.Engine.Panels.WaveSchedule(DateTimeOffset.UnixEpoch, 3, TimeSpan.FromDays(7), TimeSpan.FromDays(5)), "UTC", DateTimeOffset.UnixEpoch) { Languages = ["de"] };
        var html = SurveyFormPage.Render(Model(german) with { Texts = Tracker.Engine.Languages.PageTextCatalog.For(panel, null) });

        Assert.StartsWith("<!doctype html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"de\" dir=\"ltr\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
        Assert.Contains("@media (min-width:48rem)", StyleBlock(html), StringComparison.Ordinal);
        Assert.Contains(":focus-visible", StyleBlock(html), StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_panel_wave_introduction_closing_time_and_a_submit_button()
    {
        var html = SurveyFormPage.Render(Model());

        Assert.Contains("Spring panel", html, StringComparison.Ordinal);
        Assert.Contains("Wave 2 of 6", html, StringComparison.Ordinal);
        Assert.Contains("Friday 4 December 2026 at 18:00 (UTC)", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{Default.Title}</h1>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" action=\"/api/r/tok-en\">", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" name=\"_action\" value=\"next\">Save my answers</button>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<progress", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Back</button>", html, StringComparison.Ordinal);
        Assert.Equal(200, SurveyFormPage.Page(Model()).StatusCode);
    }

    [Fact]
    public void Never_shows_construct_names_to_participants()
    {
        var html = SurveyFormPage.Render(Model());
        Assert.All(Default.Constructs, c => Assert.DoesNotContain(WebUtility.HtmlEncode(c.Name), html, StringComparison.Ordinal));
    }

    [Fact]
    public void Has_no_scripts_inline_styles_or_external_assets()
    {
        var html = SurveyFormPage.Render(Model());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Policy_hash_matches_the_style_block_on_the_page()
    {
        var style = StyleBlock(SurveyFormPage.Render(Model()));
        var expected = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style))) + "'";

        Assert.Contains($"style-src {expected};", PageSecurity.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.StartsWith("default-src 'none';", PageSecurity.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", PageSecurity.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", PageSecurity.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", PageSecurity.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", PageSecurity.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_chosen_answers_checked()
    {
        var answers = Default.Items.Select((item, i) => (item.Id, Value: i % 7 + 1)).ToDictionary(x => x.Id, x => x.Value);
        var html = SurveyFormPage.Render(Model() with { Answers = answers });

        var checkedRadios = Radios(html).Where(r => r.ContainsKey("checked")).ToDictionary(r => r["name"], r => int.Parse(r["value"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(answers.OrderBy(a => a.Key), checkedRadios.OrderBy(a => a.Key));
    }

    [Fact]
    public void After_errors_keeps_every_valid_answer_and_links_each_error()
    {
        var fields = Default.Items.Where(i => i.Id is not ("ownership_2" or "willingness_1"))
            .Select(i => new KeyValuePair<string, string>(i.Id, i.Id == "value_3" ? "9" : "6"));
        var parsed = AnswerParser.Parse(Default, fields);
        var model = Model() with { Answers = parsed.Answers.Scale, Errors = parsed.Errors };

        var page = SurveyFormPage.Page(model);
        var html = page.Html;

        Assert.Equal(422, page.StatusCode);
        Assert.StartsWith("Error: ", Title(html), StringComparison.Ordinal);
        Assert.Equal(24, Radios(html).Count(r => r.ContainsKey("checked") && r["value"] == "6"));
        Assert.DoesNotContain(Radios(html), r => r.ContainsKey("checked") && r["name"] is "ownership_2" or "willingness_1" or "value_3");

        // The summary comes first and links to a radio button of each failing item.
        Assert.True(html.IndexOf("error-summary", StringComparison.Ordinal) < html.IndexOf("<form", StringComparison.Ordinal));
        var links = Tags(html, "a").Select(a => a["href"]).ToList();
        Assert.Equal(["#ownership_2-1", "#value_3-1", "#willingness_1-1"], links);
        var ids = Radios(html).Select(r => r["id"]).ToHashSet();
        Assert.All(links, l => Assert.Contains(l[1..], ids));

        // Each failing fieldset points at its own message.
        var described = Tags(html, "fieldset").Where(f => f.ContainsKey("aria-describedby")).Select(f => f["aria-describedby"]).ToList();
        Assert.Equal(["ownership_2-error", "value_3-error", "willingness_1-error"], described);
        Assert.All(described, id => Assert.Contains($"<p class=\"error\" id=\"{id}\">", html, StringComparison.Ordinal));
        Assert.Contains("Please choose an answer for this statement.", html, StringComparison.Ordinal);
        Assert.Contains("Your answer must be a whole number from 1 to 7.", html, StringComparison.Ordinal);

        // The failing statements' choices, and only theirs, are marked invalid (a fieldset's group role does not take aria-invalid).
        var invalid = Radios(html).Where(r => r.ContainsKey("aria-invalid")).ToList();
        Assert.All(invalid, r => Assert.Equal("true", r["aria-invalid"]));
        Assert.Equal(["ownership_2", "value_3", "willingness_1"], invalid.Select(r => r["name"]).Distinct());
        Assert.Equal(3 * (Default.Scale.Max - Default.Scale.Min + 1), invalid.Count);
    }

    [Fact]
    public void Encodes_hostile_instrument_and_caller_text()
    {
        const string Script = "<script>alert(1)</script>";
        const string Attribute = "\"onmouseover=alert(1) x=\"";
        var hostile = new Instrument(
            "evil",
            Script,
            Script + "\n\n" + Attribute,
            new ResponseScale(1, 3, [Script, Attribute, "'><img src=x onerror=alert(1)>"]),
            [new Construct("c", Script, "outcome", [new Item("c_1", Attribute, false), new Item("c_2", Script, true)])]);
        var model = new SurveyFormModel(hostile, Script, 1, 1, Attribute, "\"><script>alert(2)</script>")
        {
            Errors = [new AnswerError("c_1", AnswerErrorKey.ChooseAnswer)],
        };

        var html = SurveyFormPage.Render(model);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"onmouseover=", html, StringComparison.OrdinalIgnoreCase);
        // Every real tag is the template's own: none carries an event handler attribute.
        Assert.DoesNotContain(AllAttributeNames(html), name => name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;onmouseover=alert(1) x=&quot;", html, StringComparison.Ordinal);
        Assert.Equal(2, Count(html, "fieldset"));
        Assert.Equal(6, Radios(html).Count);
    }
}
