using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Tracker.Engine.Forms;
using Tracker.Engine.Instruments;
using Tracker.Web.Forms;

namespace Tracker.Web.Tests.Forms;

/// <summary>A posted ASP.NET Core form read into what the engine's <see cref="AnswerParser"/> takes.</summary>
public sealed class PostedFormTests
{
    private static readonly Instrument Default = DefaultInstrument.Instance;

    private static Dictionary<string, StringValues> AllAnswered(int value) =>
        Default.Items.ToDictionary(i => i.Id, _ => new StringValues(value.ToString(System.Globalization.CultureInfo.InvariantCulture)), StringComparer.Ordinal);

    [Fact]
    public void Reads_a_form_collection_and_treats_repeated_values_as_duplicates()
    {
        var values = AllAnswered(3);
        Assert.True(AnswerParser.Parse(Default, PostedForm.Answers(new FormCollection(values))).IsAccepted);

        values["ugc_1"] = new StringValues(["3", "4"]);
        var result = AnswerParser.Parse(Default, PostedForm.Answers(new FormCollection(values)));
        Assert.Equal(AnswerParseOutcome.Malformed, result.Outcome);
        Assert.Equal(["Field \"ugc_1\" was sent more than once."], result.Problems);
    }

    [Fact]
    public void A_form_with_a_file_is_malformed_even_when_every_answer_is_valid()
    {
        var files = new FormFileCollection { new FormFile(Stream.Null, 0, 0, "upload", "a.txt") };
        var result = AnswerParser.Parse(Default, PostedForm.Answers(new FormCollection(AllAnswered(4), files)));

        Assert.Equal(AnswerParseOutcome.Malformed, result.Outcome);
        Assert.Equal(["The form must not contain files."], result.Problems);
    }

    [Fact]
    public void Small_forms_read_as_name_to_value_with_repeated_values_joined()
    {
        var fields = PostedForm.Fields(new FormCollection(new Dictionary<string, StringValues> { ["choice"] = new(["skip", "leave"]), ["List-Unsubscribe"] = "One-Click" }));

        Assert.Equal("skip,leave", fields["choice"]);
        Assert.Equal("One-Click", fields["List-Unsubscribe"]);
    }
}
