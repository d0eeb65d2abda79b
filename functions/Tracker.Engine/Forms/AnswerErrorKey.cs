namespace Tracker.Engine.Forms;

/// <summary>
/// Every error the answer parser can give; each name, with its first letter in lower case, is a key of the page-text
/// catalogs (<see cref="AnswerError.CatalogKey"/>), so every language words it and a test holds every catalog to this list.
/// </summary>
public enum AnswerErrorKey
{
    /// <summary>A required statement left unanswered.</summary>
    ChooseAnswer,

    /// <summary>A required question (not a choice) left unanswered.</summary>
    AnswerQuestion,

    /// <summary>A required choice question left unanswered.</summary>
    ChooseOne,

    /// <summary>A choice our form does not offer.</summary>
    UnknownChoice,

    /// <summary>Not a date as year-month-day.</summary>
    NotADate,

    /// <summary>An answer to a question the other answers hide.</summary>
    HiddenQuestion,

    /// <summary>A statement's answer outside the scale: {min}, {max}.</summary>
    ScaleRange,

    /// <summary>A text answer too long: {length}, {max}.</summary>
    TextTooLong,

    /// <summary>Not a whole number (no range).</summary>
    WholeNumber,

    /// <summary>Not a whole number: {min}, {max}.</summary>
    WholeNumberFromTo,

    /// <summary>Not a whole number: {min}.</summary>
    WholeNumberAtLeast,

    /// <summary>Not a whole number: {max}.</summary>
    WholeNumberAtMost,

    /// <summary>Not a number (no range), with an {example}.</summary>
    NumberExample,

    /// <summary>Not a number: {min}, {max}, {example}.</summary>
    NumberFromToExample,

    /// <summary>Not a number: {min}, {example}.</summary>
    NumberAtLeastExample,

    /// <summary>Not a number: {max}, {example}.</summary>
    NumberAtMostExample,

    /// <summary>A number outside its range: {min}, {max}.</summary>
    NumberFromTo,

    /// <summary>A number below its least: {min}.</summary>
    NumberAtLeast,

    /// <summary>A number above its most: {max}.</summary>
    NumberAtMost,
}
