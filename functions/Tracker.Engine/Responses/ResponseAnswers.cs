namespace Tracker.Engine.Responses;

/// <summary>
/// A participant's answers to one wave: the construct items on the agreement scale (scored and modelled) and the other
/// questions as answered text (a choice's code, codes joined by <c>;</c>, an invariant number, text, <c>yyyy-MM-dd</c>).
/// </summary>
public sealed record ResponseAnswers(IReadOnlyDictionary<string, int> Scale, IReadOnlyDictionary<string, string> Other)
{
    public static ResponseAnswers Empty { get; } = new(new Dictionary<string, int>(), new Dictionary<string, string>());
}
