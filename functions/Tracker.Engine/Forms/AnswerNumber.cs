namespace Tracker.Engine.Forms;

/// <summary>
/// A number that fills one placeholder of an <see cref="AnswerError"/>'s text, written in the participant's culture
/// when shown: a count (a text's length) with the culture's thousands separators, a bound or an example without them
/// (a year such as 1990 stays 1990).
/// </summary>
public readonly record struct AnswerNumber(string Name, double Value, bool IsCount = false);
