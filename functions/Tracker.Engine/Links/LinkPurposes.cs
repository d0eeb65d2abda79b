namespace Tracker.Engine.Links;

/// <summary>The spelling of each <see cref="LinkPurpose"/> inside a signed payload: fixed text, never the enum's number.</summary>
public static class LinkPurposes
{
    public static string Code(LinkPurpose purpose) => purpose switch
    {
        LinkPurpose.Survey => "survey",
        LinkPurpose.OptOut => "opt-out",
        LinkPurpose.SummaryUnsubscribe => "summary-unsubscribe",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Not a link purpose."),
    };

    public static LinkPurpose? Parse(string code) => code switch
    {
        "survey" => LinkPurpose.Survey,
        "opt-out" => LinkPurpose.OptOut,
        "summary-unsubscribe" => LinkPurpose.SummaryUnsubscribe,
        _ => null,
    };
}
