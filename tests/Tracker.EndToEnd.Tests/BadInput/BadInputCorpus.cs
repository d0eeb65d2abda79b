using System.Text.Json.Nodes;
using Tracker.LocalHost.Stack;

namespace Tracker.EndToEnd.Tests.BadInput;

/// <summary>Loads corpus.json from the source tree (it is data, reviewed like code, not copied into the build).</summary>
public static class BadInputCorpus
{
    public static string FilePath => System.IO.Path.Combine(RepositoryRoot.Find(), "tests", "Tracker.EndToEnd.Tests", "BadInput", "corpus.json");

    public static IReadOnlyList<BadInputCase> Cases { get; } = Load();

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases) data.Add(c.Id);
        return data;
    }

    public static BadInputCase Get(string id) => Cases.Single(c => c.Id == id);

    private static BadInputCase[] Load()
    {
        var root = JsonNode.Parse(File.ReadAllText(FilePath))!.AsObject();
        return [.. root["cases"]!.AsArray().Select(n => new BadInputCase(n!.AsObject()))];
    }
}
