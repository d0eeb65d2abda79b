using Tracker.Engine.Instruments;

namespace Tracker.Engine.Tests.Instruments;

public class InstrumentPagesValidationTests
{
    private const string Base = """
        {
          "id": "cocreation", "title": "Study", "introduction": "Please answer.", "language": "en",
          "scale": { "min": 1, "max": 3, "labels": ["No", "Maybe", "Yes"] },
          "constructs": [ { "id": "ownership", "name": "Ownership", "layer": "psychology", "items": [ { "id": "ownership_1", "text": "Mine.", "reversed": false } ] },
                          { "id": "value", "name": "Value", "layer": "outcome", "items": [ { "id": "value_1", "text": "Worth it.", "reversed": false } ] } ],
          "pages": [
            { "id": "about-you", "title": "About you", "waves": [1],
              "items": [ { "id": "age", "type": "number", "text": "How old are you?", "min": 16, "max": 99, "integer": true },
                         { "id": "gender", "type": "singleChoice", "text": "Gender?", "required": false,
                           "choices": [ { "code": "f", "label": "Female" }, { "code": "m", "label": "Male" } ] },
                         { "id": "platforms", "type": "multipleChoice", "text": "Which?", "choices": [ { "code": "tiktok", "label": "TikTok" }, { "code": "x", "label": "X" } ] },
                         { "id": "tiktok_hours", "type": "number", "text": "Hours?", "condition": "platforms in ['tiktok'] and age < 30" } ] },
            { "id": "ownership", "title": "Ownership", "items": [ { "construct": "ownership" }, { "construct": "value" } ] },
            { "id": "comments", "condition": "ownership_1 >= 2", "items": [ { "id": "comment", "type": "longText", "text": "Anything else?", "required": false, "maxLength": 2000 } ] }
          ],
          "translations": { "de": { "title": "Studie", "introduction": "Bitte antworten.", "scale": ["Nein", "Vielleicht", "Ja"],
                                    "items": { "ownership_1": "Meins.", "value_1": "Lohnt sich.", "age": "Alter?", "gender": "Geschlecht?", "platforms": "Welche?", "tiktok_hours": "Stunden?", "comment": "Sonst noch?" },
                                    "choices": { "gender": { "f": "Weiblich", "m": "Männlich" }, "platforms": { "tiktok": "TikTok", "x": "X" } },
                                    "pages": { "about-you": "Über Sie", "ownership": "Eigentum" } } }
        }
        """;

    private static IReadOnlyList<string> Problems(string json, int? waves = 3, string[]? languages = null)
    {
        var instrument = InstrumentJson.Deserialize(json);
        return InstrumentValidator.Validate(instrument, "instrument", waves, languages ?? ["en", "de"]);
    }

    private static string Edit(string from, string to)
    {
        Assert.Contains(from, Base, StringComparison.Ordinal);
        return Base.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_the_example()
    {
        Assert.Empty(Problems(Base));
    }

    [Fact]
    public void Ids_are_unique_across_questions_and_construct_items()
    {
        var problems = Problems(Edit("\"id\": \"comment\"", "\"id\": \"ownership_1\"").Replace("\"id\": \"gender\"", "\"id\": \"age\"", StringComparison.Ordinal));

        Assert.Contains("instrument.pages[0].items[1].id: \"age\" is used by an earlier question", problems);
        Assert.Contains("instrument.pages[2].items[0].id: \"ownership_1\" is already the id of a construct or construct item", problems);
    }

    [Theory]
    [InlineData("Age")]
    [InlineData("1age")]
    [InlineData("age-group")]
    public void Question_ids_follow_the_pattern(string id)
    {
        Assert.Contains($"instrument.pages[0].items[0].id: must match {InstrumentValidator.QuestionIdPattern}", Problems(Edit("\"id\": \"age\"", $"\"id\": \"{id}\"")));
    }

    [Fact]
    public void A_question_cannot_be_named_like_a_word_of_the_conditions()
    {
        Assert.Contains(Problems(Edit("\"id\": \"comment\"", "\"id\": \"not\"")), p => p.StartsWith("instrument.pages[2].items[0].id: \"not\" is a word of the condition language", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_construct_is_on_exactly_one_page()
    {
        var problems = Problems(Edit("{ \"construct\": \"ownership\" }, { \"construct\": \"value\" }", "{ \"construct\": \"ownership\" }, { \"construct\": \"ownership\" }, { \"construct\": \"trust\" }"));

        Assert.Contains("instrument.pages[1].items[1].construct: \"ownership\" is already on instrument.pages[1]; each construct is on exactly one page", problems);
        Assert.Contains("instrument.pages[1].items[2].construct: \"trust\" is not one of the instrument's constructs", problems);
        Assert.Contains("instrument.constructs[1]: \"value\" is on no page; list it on one page as {\"construct\": \"value\"}", problems);
    }

    [Fact]
    public void Choice_questions_need_two_choices_with_unique_codes()
    {
        var problems = Problems(Edit(
            "[ { \"code\": \"f\", \"label\": \"Female\" }, { \"code\": \"m\", \"label\": \"Male\" } ]",
            "[ { \"code\": \"f\", \"label\": \"Female\" }, { \"code\": \"f\", \"label\": \"\" }, { \"code\": \"m m\", \"label\": \"Male\" } ]"));

        Assert.Contains("instrument.pages[0].items[1].choices[1].code: \"f\" is used by an earlier choice", problems);
        Assert.Contains("instrument.pages[0].items[1].choices[1].label: is required", problems);
        Assert.Contains($"instrument.pages[0].items[1].choices[2].code: must match {InstrumentValidator.ChoiceCodePattern}", problems);
        Assert.Contains("instrument.pages[0].items[2].choices: must have 2 to 50 choices, has 1",
            Problems(Edit(", { \"code\": \"x\", \"label\": \"X\" } ]", " ]").Replace("\"x\": \"X\" ", "", StringComparison.Ordinal).Replace("\"tiktok\": \"TikTok\", ", "\"tiktok\": \"TikTok\" ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Fields_that_do_not_apply_to_the_type_are_refused()
    {
        var problems = Problems(Edit(
            "{ \"id\": \"comment\", \"type\": \"longText\", \"text\": \"Anything else?\", \"required\": false, \"maxLength\": 2000 }",
            "{ \"id\": \"comment\", \"type\": \"date\", \"text\": \"Anything else?\", \"min\": 1, \"integer\": true, \"maxLength\": 2000, \"choices\": [ { \"code\": \"a\", \"label\": \"A\" } ] }"));

        Assert.Contains("instrument.pages[2].items[0].min: does not apply to a date question (only to number)", problems);
        Assert.Contains("instrument.pages[2].items[0].integer: does not apply to a date question (only to number)", problems);
        Assert.Contains("instrument.pages[2].items[0].maxLength: does not apply to a date question (only to shortText and longText)", problems);
        Assert.Contains("instrument.pages[2].items[0].choices: does not apply to a date question (only to singleChoice and multipleChoice)", problems);
    }

    [Fact]
    public void Number_bounds_and_text_lengths_are_checked()
    {
        Assert.Contains("instrument.pages[0].items[0]: min (100) must not be more than max (99)", Problems(Edit("\"min\": 16", "\"min\": 100")));
        Assert.Contains("instrument.pages[2].items[0].maxLength: must be from 1 to 10000", Problems(Edit("\"maxLength\": 2000", "\"maxLength\": 0")));
        Assert.Contains("instrument.pages[2].items[0].maxLength: must be from 1 to 10000", Problems(Edit("\"maxLength\": 2000", "\"maxLength\": 10001")));
    }

    [Fact]
    public void Waves_are_within_the_schedule()
    {
        var problems = Problems(Edit("\"waves\": [1]", "\"waves\": [1, 4, 1, 0]"));

        Assert.Contains("instrument.pages[0].waves[1]: wave 4 is not in the schedule (waves 1 to 3)", problems);
        Assert.Contains("instrument.pages[0].waves[2]: wave 1 is listed twice", problems);
        Assert.Contains("instrument.pages[0].waves[3]: wave 0 is not in the schedule (waves 1 to 3)", problems);
        Assert.Contains("instrument.pages[0].waves: must list at least one wave, or be left out (every wave)", Problems(Edit("\"waves\": [1]", "\"waves\": []")));
    }

    [Theory]
    [InlineData("platforms in ['tiktok'] and", "instrument.pages[0].items[3].condition: ends too early at position 28; expected an item id")]
    [InlineData("comment = 'x'", "instrument.pages[0].items[3].condition: 'comment' (position 1) comes later in the form; a condition can only use answers given before it")]
    [InlineData("tiktok_hours > 1", "instrument.pages[0].items[3].condition: 'tiktok_hours' (position 1) comes later in the form; a condition can only use answers given before it")]
    [InlineData("ownership_1 > 1", "instrument.pages[0].items[3].condition: 'ownership_1' (position 1) comes later in the form; a condition can only use answers given before it")]
    [InlineData("agee > 1", "instrument.pages[0].items[3].condition: 'agee' (position 1) is not an item or question of the instrument")]
    [InlineData("age = 'x'", "instrument.pages[0].items[3].condition: 'age' (position 1) is a number question, so compare it with a number (no quotes), not 'x'")]
    [InlineData("gender = 1", "instrument.pages[0].items[3].condition: 'gender' (position 1) is a singleChoice question, so compare it with a quoted code such as 'f', not 1")]
    [InlineData("gender in ['f', 'q']", "instrument.pages[0].items[3].condition: 'q' is not a code of 'gender' (position 1) (its codes: f, m)")]
    [InlineData("platforms > 'x'", "instrument.pages[0].items[3].condition: 'platforms' (position 1) is a multipleChoice question; choice codes have no order, so use =, ≠ or in")]
    public void Conditions_are_parsed_and_refer_only_to_earlier_items_of_a_fitting_type(string condition, string problem)
    {
        Assert.Contains(problem, Problems(Edit("platforms in ['tiktok'] and age < 30", condition)));
    }

    [Fact]
    public void A_condition_cannot_test_text()
    {
        var problems = Problems(Edit("\"condition\": \"ownership_1 >= 2\"", "\"condition\": \"tiktok_hours >= 2 and gender != 'm'\"").Replace("\"waves\": [1],", "", StringComparison.Ordinal)
            .Replace("\"items\": [ { \"id\": \"comment\", \"type\": \"longText\", \"text\": \"Anything else?\", \"required\": false, \"maxLength\": 2000 } ]",
                "\"items\": [ { \"id\": \"comment\", \"type\": \"longText\", \"text\": \"Anything else?\", \"required\": false, \"maxLength\": 2000 }, { \"id\": \"more\", \"type\": \"shortText\", \"text\": \"More?\", \"condition\": \"comment = 'x'\" } ]", StringComparison.Ordinal)
            .Replace("\"comment\": \"Sonst noch?\"", "\"comment\": \"Sonst noch?\", \"more\": \"Mehr?\"", StringComparison.Ordinal));

        Assert.Equal(["instrument.pages[2].items[1].condition: 'comment' (position 1) is a longText question; conditions can test construct items, number and choice questions"], problems);
    }

    [Fact]
    public void A_condition_on_an_answer_not_given_in_a_wave_is_refused()
    {
        // The comments page is shown every wave; age only in wave 1.
        var problems = Problems(Edit("\"condition\": \"ownership_1 >= 2\"", "\"condition\": \"age >= 18\""));

        Assert.Equal(["instrument.pages[2].condition: 'age' (position 1) is not shown in wave(s) 2, 3, where this is shown"], problems);
        Assert.Empty(Problems(Edit("\"condition\": \"ownership_1 >= 2\"", "\"condition\": \"age >= 18\", \"waves\": [1]")));
    }

    [Fact]
    public void Translations_are_complete_for_every_other_panel_language()
    {
        var problems = Problems(Edit("\"age\": \"Alter?\", ", "").Replace("\"m\": \"Männlich\"", "\"q\": \"Quatsch\"", StringComparison.Ordinal)
            .Replace("\"title\": \"Studie\", ", "", StringComparison.Ordinal), languages: ["en", "de", "fr"]);

        Assert.Contains("instrument.translations.de.items.age: is missing", problems);
        Assert.Contains("instrument.translations.de.title: is required", problems);
        Assert.Contains("instrument.translations.de.choices.gender.m: is missing", problems);
        Assert.Contains("instrument.translations.de.choices.gender.q: is not a code of 'gender'", problems);
        Assert.Contains(problems, p => p.StartsWith("instrument.translations.fr: is missing (the panel speaks en, de, fr", StringComparison.Ordinal));
    }

    [Fact]
    public void A_translation_for_a_language_the_panel_does_not_speak_is_refused()
    {
        Assert.Equal(["instrument.translations.de: is not one of the panel's languages (en)"], Problems(Base, languages: ["en"]));
    }
}
