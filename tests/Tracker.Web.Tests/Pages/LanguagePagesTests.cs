using System.Text.RegularExpressions;
using MimeKit;
using Tracker.Engine.Forms;
using Tracker.Engine.Instruments;
using Tracker.Engine.Invitations;
using Tracker.Engine.Languages;
using Tracker.Engine.OptOut;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Responses;
using Tracker.Web.Emails;
using Tracker.Web.Pages;

namespace Tracker.Web.Tests.Pages;

/// <summary>Participant pages and emails take every fixed word from the participant's language, and Arabic reads right to left.</summary>
public sealed class LanguagePagesTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static Panel PanelIn(params string[] languages) =>
        new("pABCDEFGHJKL", "Spring panel", DefaultInstrument.Instance, new WaveSchedule(Start, 3, TimeSpan.FromDays(7), TimeSpan.FromDays(5)), "Europe/Berlin", Start.AddDays(-3)) { Languages = languages };

    private static string Form(ParticipantTexts texts) =>
        SurveyFormPage.Render(new SurveyFormModel(DefaultInstrument.Instance, "Spring panel", 2, 3, "…", "/api/r/tok") { Texts = texts });

    [Fact]
    public void A_German_participant_sees_the_form_chrome_in_German_with_a_selector_for_the_other_languages()
    {
        var html = Form(PageTextCatalog.For(PanelIn("en", "de", "ar"), "de"));

        Assert.Contains("<html lang=\"de\" dir=\"ltr\">", html, StringComparison.Ordinal);
        Assert.Contains(">Antworten speichern</button>", html, StringComparison.Ordinal);
        Assert.Contains("Welle 2 von 3.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Save my answers", html, StringComparison.Ordinal);
        // The selector: a GET form back to the same link, every language by its own name, the current one chosen.
        Assert.Contains("<form method=\"get\" action=\"/api/r/tok\" class=\"languages\">", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"de\" lang=\"de\" selected>Deutsch</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"ar\" lang=\"ar\">العربية</option>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"language-choice\">Sprache</label>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_language_panel_shows_no_selector()
    {
        var html = Form(PageTextCatalog.For(PanelIn("en"), null));

        Assert.DoesNotContain("name=\"lang\"", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Arabic_pages_are_right_to_left_and_in_Arabic()
    {
        var texts = PageTextCatalog.For(PanelIn("en", "ar"), "ar");

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", Form(texts), StringComparison.Ordinal);
        var closed = ProblemPage.WaveClosed(texts).Html;
        Assert.Contains("dir=\"rtl\"", closed, StringComparison.Ordinal);
        Assert.Contains("<h1>أُغلق هذا الاستبيان</h1>", closed, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", ThankYouPage.Page("Spring panel", "…", "/api/r/tok", texts).Html, StringComparison.Ordinal);
        Assert.Contains("تخطّي الجولة 2", OptOutPage.Choices("Spring panel", 2, "/api/o/tok", texts).Html, StringComparison.Ordinal);
        Assert.Contains("لقد غادرت اللوحة", OptOutPage.Done("Spring panel", OptOutChoice.Leave, 2, texts).Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_consent_pages_speak_the_participants_language_and_carry_the_selector()
    {
        var texts = PageTextCatalog.For(PanelIn("en", "de"), "de");
        var model = new Tracker.Engine.Consent.ConsentPageModel("Spring panel", texts[PageText.ConsentTitle], "Wir fragen.\n\nFreiwillig.", "2027-01", "de", 1, "…", "/api/r/tok/consent") { Texts = texts };
        var html = ConsentPage.Render(model);

        Assert.Contains("<html lang=\"de\" dir=\"ltr\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Information und Einwilligung</h1>", html, StringComparison.Ordinal);
        Assert.Contains(">Ich stimme zu und möchte teilnehmen</button>", html, StringComparison.Ordinal);
        Assert.Contains(">Ich stimme nicht zu</button>", html, StringComparison.Ordinal);
        Assert.Contains("Version des Einwilligungstexts: 2027-01.", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"language\" value=\"de\" />", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"get\" action=\"/api/r/tok\" class=\"languages\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("I agree", html, StringComparison.Ordinal);

        Assert.Contains("Sie haben die Teilnahme abgelehnt", ConsentPage.Declined("Spring panel", texts).Html, StringComparison.Ordinal);
        Assert.Contains("Zur Einwilligung", ConsentPage.ConsentFirst("Spring panel", "/api/r/tok", texts).Html, StringComparison.Ordinal);
        var arabic = PageTextCatalog.For(PanelIn("en", "ar"), "ar");
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", ConsentPage.Render(model with { Language = "ar", Texts = arabic }), StringComparison.Ordinal);
    }

    [Fact]
    public void The_shared_sheet_uses_logical_sides_so_right_to_left_pages_mirror()
    {
        Assert.DoesNotContain("-left", PageStyle.Css, StringComparison.Ordinal);
        Assert.DoesNotContain("-right", PageStyle.Css, StringComparison.Ordinal);
        Assert.DoesNotContain("text-align:left", DashboardSheet.Css, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invitation_to_a_German_participant_is_German_in_subject_text_and_HTML()
    {
        var panel = PanelIn("en", "de");
        var participant = new Participant(panel.Id, "p1", "Europe/Berlin", Active: true, Start.AddDays(-2));
        var message = InvitationComposer.Compose(new RazorEmailBodyRenderer(), panel, participant, 1, MessageKind.Invite, new MailboxAddress("Tracker", "tracker@example.org"), "p@example.org",
            new Uri("https://tracker.example/r/abc"), new Uri("https://tracker.example/o/abc"), Start.AddDays(5), language: "de");

        Assert.Equal("Spring panel: Ihre Befragung für Welle 1 von 3", message.Subject);
        Assert.StartsWith("Guten Tag,", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Sie können bis Sonntag, 6. Dezember 2026, 09:00 Uhr (Europe/Berlin) antworten", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"de\" dir=\"ltr\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(">Welle 1 beantworten</a>", message.HtmlBody, StringComparison.Ordinal);

        var reminder = InvitationComposer.Compose(new RazorEmailBodyRenderer(), panel, participant, 1, "reminder-1", new MailboxAddress("Tracker", "tracker@example.org"), "p@example.org",
            new Uri("https://tracker.example/r/abc"), new Uri("https://tracker.example/o/abc"), Start.AddDays(5), language: null);
        Assert.Equal("Reminder — Spring panel: wave 1 of 3 is still open for you", reminder.Subject);
    }

    [Fact]
    public void A_German_page_with_range_errors_words_them_and_their_numbers_in_German_and_has_no_English_word_of_them()
    {
        var german = DefaultInstrument.Instance.In("de");
        var construct = german.Constructs[0];
        var hours = new Question("hours", QuestionType.Number, "Wie viele Stunden am Tag?") { Min = 0.5, Max = 24 };
        var instrument = german with { Pages = [new Page("p1", [new(construct.Id, null), new(null, hours)])] };
        // The first statement answered off the scale, the others within it, the number not a number.
        List<KeyValuePair<string, string>> posted = [new(FormNavigation.PageField, "p1"), new(construct.Items[0].Id, "9"), .. construct.Items.Skip(1).Select(i => new KeyValuePair<string, string>(i.Id, "4")), new("hours", "abc")];
        var page = PostedPageReader.Read(instrument, 1, ResponseAnswers.Empty, new PostedAnswers(posted), [])!;
        var texts = PageTextCatalog.For(PanelIn("en", "de"), "de");

        var html = SurveyFormPage.Render(new SurveyFormModel(instrument, "Frühjahrspanel", 2, 3, "…", "/api/r/tok") { Pages = instrument.Pages!, Errors = page.Errors, Texts = texts });

        Assert.Equal([construct.Items[0].Id, "hours"], page.Errors.Select(e => e.ItemId));
        Assert.Contains("Ihre Antwort muss eine ganze Zahl von 1 bis 7 sein.", html, StringComparison.Ordinal);
        Assert.Contains("Bitte geben Sie eine Zahl von 0,5 bis 24 ein, zum Beispiel 12 oder 3,5.", html, StringComparison.Ordinal);
        Assert.Contains("Eine Zahl von 0,5 bis 24.", html, StringComparison.Ordinal);

        // Not one word of the English error, hint and summary texts is left on the page a participant reads (a word both
        // languages spell alike, such as "Problem", is German too).
        string[] englishKeys = [.. Enum.GetValues<AnswerErrorKey>().Select(AnswerError.CatalogKeyOf), .. PageTextCatalog.Keys.Where(k => k.StartsWith("hint", StringComparison.Ordinal)), PageText.ErrorSummary, PageText.ErrorPrefix, PageText.StatementError];
        var germanWords = englishKeys.SelectMany(k => Words(texts[k])).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var englishWords = englishKeys.SelectMany(k => Words(PageTextCatalog.English[k])).Where(w => w.Length > 2 && !germanWords.Contains(w)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var shown = Words(VisibleText(html)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Empty(shown.Intersect(englishWords, StringComparer.OrdinalIgnoreCase).Order().ToArray());
    }

    // The words of a text, its {placeholders} left out.
    private static IEnumerable<string> Words(string text) =>
        Regex.Matches(Regex.Replace(text, @"\{[A-Za-z]+\}", " "), @"\p{L}+").Select(m => m.Value);

    private static string VisibleText(string html) =>
        System.Net.WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, @"<(style|script)[^>]*>.*?</\1>", " ", RegexOptions.Singleline), "<[^>]+>", " "));
}
