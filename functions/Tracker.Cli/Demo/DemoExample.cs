using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tracker.Engine.Instruments;
using Tracker.Engine.Invitations;

namespace Tracker.Cli.Demo;

/// <summary>
/// The example panel of docs/instruments.md, which the repository ships as a file: the demo runs that very panel
/// (consent, the baseline page in wave 1, the nine constructs on pages, two languages, its invitation wording) with
/// only what a demo must change — its own name, a schedule that starts now on the accelerated clock, a stakeholder.
/// </summary>
public sealed class DemoExample
{
    private readonly JsonObject definition;

    private DemoExample(JsonObject definition, Instrument instrument)
    {
        this.definition = definition;
        Instrument = instrument;
    }

    public static string PathIn(string repositoryRoot) => Path.Combine(repositoryRoot, "docs", "examples", "co-creation-panel.json");

    /// <summary>The instrument as the researcher wrote it (base language), for the simulated participants to answer.</summary>
    public Instrument Instrument { get; }

    public string ConsentVersion => definition["consent"]?["version"]?.GetValue<string>() ?? "";

    public static DemoExample Load(string repositoryRoot)
    {
        var file = PathIn(repositoryRoot);
        var definition = JsonNode.Parse(File.ReadAllText(file))?.AsObject() ?? throw new InvalidOperationException($"{file} is not a JSON object.");
        using var instrumentJson = JsonDocument.Parse(definition["instrument"]!.ToJsonString());
        if (!InstrumentJson.TryRead(instrumentJson.RootElement, out var instrument, out var problems))
        {
            throw new InvalidOperationException($"{file}: {string.Join("; ", problems)}");
        }

        return new DemoExample(definition, instrument!);
    }

    /// <summary>The definition to post: the example with the demo's name, schedule and stakeholders in place of its own.</summary>
    public JsonObject Definition(string name, JsonObject schedule, IReadOnlyList<string> stakeholders)
    {
        var copy = definition.DeepClone().AsObject();
        copy["name"] = name;
        copy["schedule"] = schedule;
        copy["stakeholders"] = new JsonArray([.. stakeholders.Select(s => (JsonNode)JsonValue.Create(s))]);
        return copy;
    }

    /// <summary>The subject of a wave's invitation or reminder as the example's template fills it in the base language (none of its subjects greet by name).</summary>
    public string Subject(string template, string study, int wave, int waveCount)
    {
        var language = Instrument.Language;
        var text = definition["invitations"]?["templates"]?[template]?["subject"]?[language]?.GetValue<string>()
            ?? throw new InvalidOperationException($"The example panel has no {template} subject in '{language}'.");
        return MessageTemplate.FillText(text, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MessageTemplate.Study] = study,
            [MessageTemplate.Wave] = wave.ToString(CultureInfo.InvariantCulture),
            [MessageTemplate.WaveCount] = waveCount.ToString(CultureInfo.InvariantCulture),
        });
    }
}
