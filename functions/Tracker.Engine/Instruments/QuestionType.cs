namespace Tracker.Engine.Instruments;

/// <summary>What a question asks for besides the construct items' agreement scale; stored as answered, never scored.</summary>
public enum QuestionType
{
    /// <summary>One of the choices (radio buttons); stored as the choice's code.</summary>
    SingleChoice,

    /// <summary>Any of the choices (checkboxes); stored as the chosen codes in choice order, separated by <c>;</c>.</summary>
    MultipleChoice,

    /// <summary>A number within min/max, whole or decimal; stored in invariant culture.</summary>
    Number,

    /// <summary>One line of text.</summary>
    ShortText,

    /// <summary>Several lines of text, up to the question's maximum length.</summary>
    LongText,

    /// <summary>A calendar date; stored as <c>yyyy-MM-dd</c>.</summary>
    Date,
}
