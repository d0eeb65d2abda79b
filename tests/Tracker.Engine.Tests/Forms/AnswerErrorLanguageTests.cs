using Tracker.Engine.Forms;
using Tracker.Engine.Instruments;
using Tracker.Engine.Languages;
using Tracker.Engine.Panels;

namespace Tracker.Engine.Tests.Forms;

/// <summary>The parser's errors are keys with numbers, worded by each language's catalog with that language's number format.</summary>
public sealed class AnswerErrorLanguageTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static ParticipantTexts In(string language) =>
        PageTextCatalog.For(new Panel("pABCDEFGHJKL", "P", DefaultInstrument.Instance, new WaveSchedule(Start, 3, TimeSpan.FromDays(7), TimeSpan.FromDays(5)), "Europe/Berlin", Start) { Languages = ["en", language] }, language);

    private static AnswerError ErrorFor(Question question, string value)
    {
        var (answer, error) = AnswerParser.Question(question, [value]);
        Assert.Null(answer);
        return error!;
    }

    private static Question Number(double? min, double? max, bool whole) =>
        new("n", QuestionType.Number, "How many?") { Min = min, Max = max, WholeNumbers = whole };

    public static TheoryData<double?, double?, bool, string, string, string> NumberErrors() => new()
    {
        // min, max, whole numbers, typed, German, French (U+202F is French's thousands separator).
        { 0.5, 2.5, false, "abc", "Bitte geben Sie eine Zahl von 0,5 bis 2,5 ein, zum Beispiel 12 oder 3,5.", "Veuillez saisir un nombre de 0,5 à 2,5, par exemple 12 ou 3,5." },
        { 0.5, 2.5, false, "7", "Bitte geben Sie eine Zahl von 0,5 bis 2,5 ein.", "Veuillez saisir un nombre de 0,5 à 2,5." },
        { 1.5, null, false, "x", "Bitte geben Sie eine Zahl von mindestens 1,5 ein, zum Beispiel 12 oder 3,5.", "Veuillez saisir un nombre d’au moins 1,5, par exemple 12 ou 3,5." },
        { 1.5, null, false, "1", "Bitte geben Sie eine Zahl von mindestens 1,5 ein.", "Veuillez saisir un nombre d’au moins 1,5." },
        { null, 9.75, false, "x", "Bitte geben Sie eine Zahl von höchstens 9,75 ein, zum Beispiel 12 oder 3,5.", "Veuillez saisir un nombre d’au plus 9,75, par exemple 12 ou 3,5." },
        { null, 9.75, false, "10", "Bitte geben Sie eine Zahl von höchstens 9,75 ein.", "Veuillez saisir un nombre d’au plus 9,75." },
        { null, null, false, "x", "Bitte geben Sie eine Zahl ein, zum Beispiel 12 oder 3,5.", "Veuillez saisir un nombre, par exemple 12 ou 3,5." },
        { 1900, 2010, true, "1990,5", "Bitte geben Sie eine ganze Zahl von 1900 bis 2010 ein.", "Veuillez saisir un nombre entier de 1900 à 2010." },
        { -2, null, true, "x", "Bitte geben Sie eine ganze Zahl von mindestens -2 ein.", "Veuillez saisir un nombre entier d’au moins -2." },
        { null, 12, true, "x", "Bitte geben Sie eine ganze Zahl von höchstens 12 ein.", "Veuillez saisir un nombre entier d’au plus 12." },
        { null, null, true, "2.5", "Bitte geben Sie eine ganze Zahl ein.", "Veuillez saisir un nombre entier." },
    };

    [Theory]
    [MemberData(nameof(NumberErrors))]
    public void Each_number_error_is_worded_in_German_and_French_with_a_decimal_comma(double? min, double? max, bool whole, string typed, string german, string french)
    {
        var error = ErrorFor(Number(min, max, whole), typed);

        Assert.Equal(german, error.In(In("de")));
        Assert.Equal(french, error.In(In("fr")));
    }

    [Fact]
    public void A_statement_out_of_the_scale_is_worded_in_German_and_Spanish()
    {
        var error = Assert.Single(AnswerParser.Parse(DefaultInstrument.Instance, [new("value_2", "9")]).Errors, e => e.ItemId == "value_2");

        Assert.Equal("Ihre Antwort muss eine ganze Zahl von 1 bis 7 sein.", error.In(In("de")));
        Assert.Equal("Su respuesta debe ser un número entero de 1 a 7.", error.In(In("es")));
        Assert.Equal("Your answer must be a whole number from 1 to 7.", error.Message);
    }

    [Fact]
    public void A_text_too_long_counts_its_characters_with_the_cultures_thousands_separator()
    {
        var error = ErrorFor(new Question("t", QuestionType.LongText, "Anything else?") { MaxLength = 1000 }, new string('x', 1234));

        Assert.Equal("Ihre Antwort ist 1.234 Zeichen lang; bitte kürzen Sie sie auf höchstens 1.000 Zeichen.", error.In(In("de")));
        Assert.Equal("Votre réponse compte 1\u202F234 caractères ; veuillez la raccourcir à 1\u202F000 caractères au plus.", error.In(In("fr")));
        Assert.Equal("Your answer is 1,234 characters long; please shorten it to at most 1,000 characters.", error.Message);
    }

    [Fact]
    public void Arabic_keeps_Western_digits_and_the_decimal_point_the_form_reads_back()
    {
        var ar = In("ar");
        var number = ErrorFor(Number(0.5, 2.5, whole: false), "abc").In(ar);
        var length = ErrorFor(new Question("t", QuestionType.LongText, "?") { MaxLength = 1000 }, new string('x', 1234)).In(ar);

        Assert.Equal("يرجى إدخال رقم من 0.5 إلى 2.5، مثل 12 أو 3.5.", number);
        Assert.Contains("1,234", length, StringComparison.Ordinal);
        Assert.DoesNotContain('٫', number);
    }

    [Fact]
    public void Every_catalog_words_every_error_the_parser_can_give_with_the_placeholders_it_fills()
    {
        // The parser gives nothing but AnswerErrorKey values, so the enum is the whole set.
        foreach (var key in Enum.GetValues<AnswerErrorKey>())
        {
            var catalogKey = AnswerError.CatalogKeyOf(key);
            Assert.True(PageTextCatalog.English.ContainsKey(catalogKey), $"en lacks {catalogKey}");
            foreach (var language in PageTextCatalog.Offered)
            {
                var texts = PageTextCatalog.BuiltIn(language)!;
                Assert.True(texts.TryGetValue(catalogKey, out var text), $"{language} lacks {catalogKey}");
                Assert.Equal(ParticipantTexts.Placeholders(PageTextCatalog.English[catalogKey]).Order(), ParticipantTexts.Placeholders(text).Order());
            }
        }
    }

    [Fact]
    public void An_error_is_a_key_with_numbers_and_no_placeholder_is_left_unfilled()
    {
        List<AnswerError> errors =
        [
            ErrorFor(Number(0.5, 2.5, whole: false), "abc"),
            ErrorFor(Number(0.5, 2.5, whole: false), "7"),
            ErrorFor(Number(null, 9.75, whole: true), "x"),
            ErrorFor(new Question("t", QuestionType.ShortText, "?") { MaxLength = 3 }, "four"),
            .. AnswerParser.Parse(DefaultInstrument.Instance, [new("value_2", "9")]).Errors,
        ];

        foreach (var language in PageTextCatalog.Offered)
        {
            Assert.All(errors, e => Assert.DoesNotContain('{', e.In(In(language))));
        }

        Assert.Equal(new AnswerError("n", AnswerErrorKey.NumberFromTo, [new("min", 0.5), new("max", 2.5)]), errors[1]);
    }
}
