namespace Tracker.Engine.Instruments;

/// <summary>The German texts of <see cref="DefaultInstrument"/>, so a panel speaking German can use <c>"instrument": "default"</c>.</summary>
internal static class DefaultInstrumentGerman
{
    public static InstrumentTranslation Translation { get; } = new()
    {
        Title = "Ihre Erfahrung mit der Kurzvideo-Community der Marke",
        Introduction = "Die folgenden Aussagen beziehen sich auf die Kurzvideo-Community der Marke, der Sie für diese Studie beigetreten sind. "
            + "Bitte geben Sie an, wie sehr Sie jeder Aussage zustimmen. Es gibt keine richtigen oder falschen Antworten; "
            + "uns interessiert, wie Sie es im Moment empfinden.",
        Scale = ["Stimme überhaupt nicht zu", "Stimme nicht zu", "Stimme eher nicht zu", "Weder noch", "Stimme eher zu", "Stimme zu", "Stimme voll und ganz zu"],
        Items = new Dictionary<string, string>
        {
            ["ugc_1"] = "Ich erstelle eigene Kurzvideos über diese Marke, etwa Remixe, Duette oder Beiträge zu Challenges.",
            ["ugc_2"] = "Ich arbeite gern mit anderen Nutzerinnen und Nutzern an kreativen Videos zu dieser Marke.",
            ["ugc_3"] = "Ich erstelle selbst kaum Inhalte über diese Marke.",
            ["interaction_1"] = "Die Marke antwortet, wenn Nutzer wie ich ihre Videos kommentieren.",
            ["interaction_2"] = "Die Marke greift Ideen, die Nutzer vorschlagen, in ihren eigenen Videos auf.",
            ["interaction_3"] = "Meine Kommentare an die Marke bleiben meist unbeantwortet.",
            ["community_1"] = "Ich beteilige mich an Diskussionen in der Community dieser Marke.",
            ["community_2"] = "Die Mitglieder dieser Community teilen Witze, Symbole oder Sprüche, die uns etwas bedeuten.",
            ["community_3"] = "Der Austausch mit anderen Mitgliedern hilft mir zu verstehen, wofür die Marke steht.",
            ["ownership_1"] = "Ich habe das Gefühl, dass einige Videos der Marke teilweise mir gehören.",
            ["ownership_2"] = "Inhalte, die ich mitgestaltet habe, empfinde ich als persönlich meine.",
            ["ownership_3"] = "Die Inhalte der Marke haben nichts mit mir zu tun.",
            ["value_1"] = "Die Teilnahme an dieser Community bringt mir nützliches Wissen oder Ideen.",
            ["value_2"] = "Ich verbringe meine Zeit gern in dieser Community.",
            ["value_3"] = "Die Teilnahme an dieser Community bringt mir wenig.",
            ["identification_1"] = "Wenn jemand diese Community lobt, fühlt es sich wie ein persönliches Kompliment an.",
            ["identification_2"] = "Ich denke an die Mitglieder dieser Community als „wir“ und nicht als „die“.",
            ["identification_3"] = "Ich fühle mich in dieser Community wie ein Außenseiter.",
            ["participation_1"] = "Ich teile mein Wissen, um anderen Mitgliedern der Community zu helfen.",
            ["participation_2"] = "Ich beantworte Fragen anderer Mitglieder, wenn ich kann.",
            ["participation_3"] = "Mit der Zeit habe ich mich stärker in dieser Community engagiert.",
            ["diffusion_1"] = "Ich teile die Videos dieser Marke mit eigenen Kommentaren.",
            ["diffusion_2"] = "Ich empfehle die Community-Inhalte dieser Marke Freunden und Followern.",
            ["diffusion_3"] = "Ich behalte die Inhalte dieser Marke für mich, statt sie weiterzugeben.",
            ["willingness_1"] = "Ich habe vor, auch künftig Inhalte mit dieser Marke zu erstellen.",
            ["willingness_2"] = "Ich würde gern bei der nächsten kreativen Challenge der Marke mitmachen.",
            ["willingness_3"] = "Ich rechne damit, bald das Interesse am gemeinsamen Gestalten mit dieser Marke zu verlieren.",
        },
    };
}
