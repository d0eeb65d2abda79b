namespace Tracker.Engine.Instruments;

/// <summary>
/// The nine constructs of the value co-creation model of short-video content marketing,
/// three items each, worded for this project. Most constructs carry one reverse-keyed item so that
/// acquiescent "agree with everything" answering does not inflate scores.
/// </summary>
public static class DefaultInstrument
{
    public const string Id = "default";

    public const string Behaviour = "behaviour";
    public const string Psychology = "psychology";
    public const string Outcome = "outcome";

    public static ResponseScale AgreementScale { get; } = new(1, 7,
    [
        "Strongly disagree",
        "Disagree",
        "Somewhat disagree",
        "Neither agree nor disagree",
        "Somewhat agree",
        "Agree",
        "Strongly agree",
    ]);

    public static Instrument Instance { get; } = new(
        Id,
        "Your experience of the brand's short-video community",
        "The statements below are about the short-video brand community you joined for this study. "
            + "Please say how much you agree with each one. There are no right or wrong answers; "
            + "we are interested in how you feel at the moment.",
        AgreementScale,
        [
            Construct("ugc", "User-generated content and creative collaboration", Behaviour,
                ("I make my own short videos about this brand, such as remixes, duets or challenge entries.", false),
                ("I enjoy working with other users on creative videos related to this brand.", false),
                ("I rarely make any content about this brand myself.", true)),
            Construct("interaction", "Brand–user interaction and response", Behaviour,
                ("The brand replies when users like me comment on its videos.", false),
                ("The brand takes up ideas that users suggest in its own videos.", false),
                ("My comments to the brand usually go unanswered.", true)),
            Construct("community", "Community participation and meaning construction", Behaviour,
                ("I take part in discussions in this brand's community.", false),
                ("Members of this community share jokes, symbols or phrases that mean something to us.", false),
                ("Talking with other members helps me understand what the brand stands for.", false)),
            Construct("ownership", "Psychological ownership of the brand content", Psychology,
                ("I feel that some of the brand's videos are partly mine.", false),
                ("I feel a personal sense of ownership over content I helped to shape.", false),
                ("The brand's content has nothing to do with me.", true)),
            Construct("value", "Internalisation of perceived value", Psychology,
                ("Taking part in this community gives me useful knowledge or ideas.", false),
                ("I enjoy the time I spend in this community.", false),
                ("I get little of value from taking part in this community.", true)),
            Construct("identification", "Community identification", Psychology,
                ("When someone praises this community, it feels like a personal compliment.", false),
                ("I think of this community's members as \"we\" rather than \"they\".", false),
                ("I feel like an outsider in this community.", true)),
            Construct("participation", "Deepening of participation", Outcome,
                ("I share what I know to help other members of the community.", false),
                ("I answer other members' questions when I can.", false),
                ("Over time I have become more involved in this community.", false)),
            Construct("diffusion", "Content diffusion and network extension", Outcome,
                ("I share this brand's videos with my own comments added.", false),
                ("I recommend this brand's community content to friends and followers.", false),
                ("I keep this brand's content to myself rather than passing it on.", true)),
            Construct("willingness", "Sustained willingness to co-create", Outcome,
                ("I intend to keep creating content with this brand in the future.", false),
                ("I would be happy to join the brand's next creative challenge.", false),
                ("I expect to lose interest in co-creating with this brand soon.", true)),
        ])
    {
        // A panel keeps only the translations of the languages it speaks (PanelDefinitionValidator).
        Translations = new Dictionary<string, InstrumentTranslation> { ["de"] = DefaultInstrumentGerman.Translation },
    };

    private static Construct Construct(string id, string name, string layer, params (string Text, bool Reversed)[] items) =>
        new(id, name, layer, items.Select((item, i) => new Item($"{id}_{i + 1}", item.Text, item.Reversed)).ToArray());
}
